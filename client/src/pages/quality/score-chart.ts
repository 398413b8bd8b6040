import type { ScorePoint } from './types';

/** Geometry of the score-over-time chart: 0–100 % against the time each audit ran. */
export interface Box {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

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
export function plotScores(items: readonly ScorePoint[], box: Box): { points: PlottedPoint[]; path: string } {
  const scored = items.filter((i): i is ScorePoint & { score: number } => i.score !== null);
  if (scored.length === 0) return { points: [], path: '' };
  const times = scored.map((i) => Date.parse(i.ran_at));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const plotW = box.width - box.margin.left - box.margin.right;
  const plotH = box.height - box.margin.top - box.margin.bottom;
  const x = (t: number) => box.margin.left + (t1 === t0 ? plotW / 2 : ((t - t0) / (t1 - t0)) * plotW);
  const points = scored.map((i, n) => ({ x: x(times[n]!), y: scoreY(i.score, box), score: i.score, ran_at: i.ran_at, audit_id: i.audit_id }));
  return { points, path: points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ') };
}

export function scoreY(score: number, box: Box): number {
  const plotH = box.height - box.margin.top - box.margin.bottom;
  return box.margin.top + (1 - score / 100) * plotH;
}
