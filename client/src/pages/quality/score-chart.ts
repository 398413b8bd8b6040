import { linearY, polylinePoints, timeX, type ChartBox } from '../../lib/chart';
import type { ScorePoint } from './types';

export interface PlottedPoint {
  x: number;
  y: number;
  score: number;
  ran_at: string;
  audit_id: string;
}

/**
 * Places the runs that have a score (a run over no records has none) along the time axis; one
 * run alone sits in the middle. Each point is evenly spaced by time, not by run, so a gap of
 * weeks between audits shows as one.
 */
export function plotScores(items: readonly ScorePoint[], box: ChartBox): { points: PlottedPoint[]; path: string } {
  const scored = items.filter((i): i is ScorePoint & { score: number } => i.score !== null);
  if (scored.length === 0) return { points: [], path: '' };
  const times = scored.map((i) => Date.parse(i.ran_at));
  const x = timeX(times, box);
  const y = scoreY(box);
  const points = scored.map((i, n) => ({ x: x(times[n]!), y: y(i.score), score: i.score, ran_at: i.ran_at, audit_id: i.audit_id }));
  return { points, path: polylinePoints(points) };
}

/** The score chart's y scale: 0–100 %. */
export function scoreY(box: ChartBox): (score: number) => number {
  return linearY(box, 100);
}
