// The order of a meeting's list: positions 1…n, dense and unique. Pure; the service locks the
// meeting, works out the new order here and writes only the rows whose position changed.

/** The list after moving `id` to position `to` (1-based): the patients in between close up. */
export function moveTo(order: readonly string[], id: string, to: number): string[] {
  const from = order.indexOf(id);
  if (from < 0) throw new Error(`moveTo: ${id} is not on the list`);
  if (!Number.isInteger(to) || to < 1 || to > order.length) throw new Error(`moveTo: position ${to} is outside 1…${order.length}`);
  const rest = order.filter((x) => x !== id);
  return [...rest.slice(0, to - 1), id, ...rest.slice(to - 1)];
}

/** The list without `id`: those after it move up one. */
export function without(order: readonly string[], id: string): string[] {
  return order.filter((x) => x !== id);
}

/**
 * The rows whose position differs between the stored positions and `order` (position = index + 1):
 * what a reorder, or closing a gap, must write.
 */
export function positionChanges(stored: readonly { id: string; position: number }[], order: readonly string[]): { id: string; position: number }[] {
  const current = new Map(stored.map((s) => [s.id, s.position]));
  return order.flatMap((id, i) => (current.get(id) === i + 1 ? [] : [{ id, position: i + 1 }]));
}
