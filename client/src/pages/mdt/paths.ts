/** The MDT pages' addresses, built in one place. */
export const meetingHref = (id: string): string => `/mdt/${encodeURIComponent(id)}`;
export const meetingPrintHref = (id: string): string => `${meetingHref(id)}/print`;
export const COORDINATOR_HREF = '/mdt/coordinator';
