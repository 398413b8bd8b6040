/** The `:id` of `/cases/:id` and `/cases/:id/edit`, or null on other case library paths. */
export function caseIdFrom(path: string): string | null {
  const match = /^\/cases\/([^/]+)(?:\/edit)?\/?$/.exec(path);
  if (!match?.[1] || match[1] === 'new') return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
