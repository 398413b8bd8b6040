import { SCORE_SERIES_STYLES, type ScoreSeries } from '$contract';

/** Geometry of the scores-over-time chart: marks 0–4 against completion time. */
export interface ChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface PlottedSeries {
  domain: string;
  name: string;
  stroke: string;
  dash: string;
  points: { x: number; y: number; mark: number; at: string }[];
  /** The `points` attribute of the polyline. */
  path: string;
}

export const SERIES_STYLES = SCORE_SERIES_STYLES;

export const MARK_MAX = 4;

/** Places every series in the box; a single moment is drawn in the middle. */
export function plotSeries(series: readonly ScoreSeries[], box: ChartBox): { series: PlottedSeries[]; from: string | null; to: string | null } {
  const all = series.flatMap((s) => s.points.map((p) => Date.parse(p.at)));
  if (all.length === 0) return { series: [], from: null, to: null };
  const t0 = Math.min(...all);
  const t1 = Math.max(...all);
  const plotW = box.width - box.margin.left - box.margin.right;
  const plotH = box.height - box.margin.top - box.margin.bottom;
  const x = (t: number) => box.margin.left + (t1 === t0 ? plotW / 2 : ((t - t0) / (t1 - t0)) * plotW);
  const y = (mark: number) => box.margin.top + (1 - mark / MARK_MAX) * plotH;
  return {
    from: new Date(t0).toISOString(),
    to: new Date(t1).toISOString(),
    series: series.map((s, i) => {
      const style = SERIES_STYLES[i % SERIES_STYLES.length]!;
      const points = s.points.map((p) => ({ x: x(Date.parse(p.at)), y: y(p.mark), mark: p.mark, at: p.at }));
      return { domain: s.domain, name: s.name, stroke: style.stroke, dash: style.dash, points, path: points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ') };
    }),
  };
}

/** The y of a mark, for grid lines. */
export function markY(mark: number, box: ChartBox): number {
  return box.margin.top + (1 - mark / MARK_MAX) * (box.height - box.margin.top - box.margin.bottom);
}
