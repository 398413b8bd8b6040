export { GLOBAL_RATING_LABELS } from '$contract';

export const assessmentHref = (sessionId: string): string => `/sessions/${encodeURIComponent(sessionId)}/assessment`;

/** "Data gathering: N of M facts drawn out (P%)"; without the percentage when there is nothing to draw out. */
export function coverageText(elicited: number, total: number): string {
  const pct = total > 0 ? ` (${Math.round((elicited / total) * 100)}%)` : '';
  return `Data gathering: ${elicited} of ${total} ${total === 1 ? 'fact' : 'facts'} drawn out${pct}`;
}
