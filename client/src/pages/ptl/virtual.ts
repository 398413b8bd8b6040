/** Which rows of a fixed-row-height list to render: the visible ones plus `overscan` either side. */
export interface RowWindow {
  /** First row to render (inclusive). */
  start: number;
  /** One past the last row to render. */
  end: number;
}

export function rowWindow(opts: {
  /** How far the rows' container is scrolled past the top of the first row (may be negative). */
  offset: number;
  viewport: number;
  rowHeight: number;
  count: number;
  overscan: number;
}): RowWindow {
  const { offset, viewport, rowHeight, count, overscan } = opts;
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, offset) / rowHeight);
  const last = Math.ceil(Math.max(0, offset + viewport) / rowHeight);
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.max(start, Math.min(count, last + overscan));
  return { start, end };
}
