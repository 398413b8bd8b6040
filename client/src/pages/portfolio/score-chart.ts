import { SCORE_SERIES_STYLES, type ScoreSeries } from '$contract';
import { linearY, polylinePoints, timeX, type ChartBox } from '../../lib/chart';

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
  const x = timeX(all, box);
  const y = markY(box);
  return {
    from: new Date(Math.min(...all)).toISOString(),
    to: new Date(Math.max(...all)).toISOString(),
    series: series.map((s, i) => {
      const style = SERIES_STYLES[i % SERIES_STYLES.length]!;
      const points = s.points.map((p) => ({ x: x(Date.parse(p.at)), y: y(p.mark), mark: p.mark, at: p.at }));
      return { domain: s.domain, name: s.name, stroke: style.stroke, dash: style.dash, points, path: polylinePoints(points) };
    }),
  };
}

/** The marks' y scale: 0–4. */
export function markY(box: ChartBox): (mark: number) => number {
  return linearY(box, MARK_MAX);
}
