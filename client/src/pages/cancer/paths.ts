/** The cancer pages' addresses, built in one place. */
export const cancerHref = (id: string): string => `/cancer/${encodeURIComponent(id)}`;
export const CANCER_DASHBOARD = '/cancer/dashboard';
