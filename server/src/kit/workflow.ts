/**
 * A status workflow: the statuses in order (the first is where a new row starts) and the moves
 * allowed from each. Pure: the kit asks it before any write.
 */
export interface Workflow<S extends string = string> {
  statuses: readonly S[];
  transitions: Readonly<Partial<Record<S, readonly S[]>>>;
}

/** Every status may also move to `to` (e.g. "any → withdrawn"), except `to` itself and the `final` ones. */
export function withEscape<S extends string>(
  statuses: readonly S[],
  transitions: Partial<Record<S, readonly S[]>>,
  to: S,
  final: readonly S[] = [],
): Partial<Record<S, S[]>> {
  const out: Partial<Record<S, S[]>> = {};
  for (const s of statuses) {
    const moves = [...(transitions[s] ?? [])];
    if (s !== to && !final.includes(s) && !moves.includes(to)) moves.push(to);
    if (moves.length > 0) out[s] = moves;
  }
  return out;
}

/** Why `from → to` is not allowed, or null when it is (staying put is always allowed). */
export function moveProblem<S extends string>(wf: Workflow<S>, from: S, to: S, label: (s: S) => string = (s) => s): string | null {
  if (from === to) return null;
  if (!wf.statuses.includes(to)) return `Unknown status: ${to}`;
  const allowed = wf.transitions[from] ?? [];
  if (allowed.includes(to)) return null;
  return allowed.length === 0
    ? `${label(from)} is final: it cannot move to ${label(to)}`
    : `${label(from)} can move to ${allowed.map(label).join(' or ')}, not ${label(to)}`;
}
