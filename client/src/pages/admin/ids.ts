/** The `:id` of `/admin/trainees/:id`, or null on other admin paths. */
export function traineeIdFrom(path: string): string | null {
  const match = /^\/admin\/trainees\/([^/]+)\/?$/.exec(path);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
