/**
 * Scales shared by the client's SVG charts (waits, breaches, the RTT return, both score charts).
 * Each chart draws in a fixed viewBox and lets CSS scale it, so these work in viewBox units.
 */

/** A chart's viewBox and the margin around its plot area (room for tick labels and titles). */
export interface ChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** The plot area inside the margin: where bars, lines and grid lines go. */
export function plotArea(box: ChartBox): { left: number; right: number; top: number; bottom: number; width: number; height: number } {
  const { width, height, margin } = box;
  return {
    left: margin.left,
    right: width - margin.right,
    top: margin.top,
    bottom: height - margin.bottom,
    width: width - margin.left - margin.right,
    height: height - margin.top - margin.bottom,
  };
}

/** Round axis ticks from 0 to at least `max`: steps of 1, 2 or 5 × 10ⁿ, about `count` of them. */
export function niceTicks(max: number, count = 4): number[] {
  const top = Math.max(1, max);
  const raw = top / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const stepInt = Math.max(1, Math.round(step));
  const ticks: number[] = [];
  for (let v = 0; v < top + stepInt; v += stepInt) {
    ticks.push(v);
    if (v >= top) break;
  }
  return ticks;
}

/** A vertical scale from 0 (the bottom of the plot) to `max` (its top). */
export function linearY(box: ChartBox, max: number): (value: number) => number {
  const plot = plotArea(box);
  return (value) => plot.top + (1 - value / max) * plot.height;
}

/**
 * The y axis of a count chart: round ticks covering the largest count, and the scale they set
 * (the top tick, not the largest count, is the top of the plot, so the top grid line has a label).
 */
export function countScale(counts: readonly number[], box: ChartBox): { ticks: number[]; y: (value: number) => number } {
  const ticks = niceTicks(Math.max(0, ...counts));
  return { ticks, y: linearY(box, ticks[ticks.length - 1] ?? 1) };
}

/**
 * A horizontal scale over the span of `times` (epoch ms), spaced by time rather than by item so a
 * gap between readings shows as one; a single moment sits in the middle of the plot.
 */
export function timeX(times: readonly number[], box: ChartBox): (time: number) => number {
  const plot = plotArea(box);
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  return (t) => plot.left + (t1 === t0 ? plot.width / 2 : ((t - t0) / (t1 - t0)) * plot.width);
}

/** The `points` attribute of a polyline through `points`. */
export function polylinePoints(points: readonly { x: number; y: number }[]): string {
  return points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
}

/**
 * Charts draw in their rendered width (ChartSvg measures it), so one viewBox unit is one CSS pixel
 * and text keeps its real size on a phone. Axis labels are this size; their widths are estimated
 * from it to keep neighbouring labels apart.
 */
export const AXIS_FONT_PX = 13;

/** A generous estimate of a label's width: system fonts average about 0.6 em per character. */
export function labelWidth(label: string, fontPx = AXIS_FONT_PX): number {
  return label.length * fontPx * 0.6;
}

/**
 * The x labels that fit side by side: every label when there is room, otherwise every second,
 * third… (a regular thinning, so the labels that stay are still evenly spaced), always from the
 * first. Labels are centred on their x and need `gap` pixels between them.
 */
export function spacedLabels<T extends { x: number; label: string }>(ticks: readonly T[], fontPx = AXIS_FONT_PX, gap = 8): T[] {
  for (let step = 1; step < ticks.length; step++) {
    const kept = ticks.filter((_, i) => i % step === 0);
    const fits = kept.every((tick, i) => {
      const next = kept[i + 1];
      return !next || next.x - tick.x >= (labelWidth(tick.label, fontPx) + labelWidth(next.label, fontPx)) / 2 + gap;
    });
    if (fits) return kept;
  }
  return ticks.slice(0, 1);
}

/** The narrowest a chart is drawn: a hidden or not-yet-measured chart reports 0. */
const MIN_CHART_WIDTH = 240;

/** A chart's box at its measured width. */
export function chartBox(width: number, height: number, margin: ChartBox['margin']): ChartBox {
  return { width: Math.max(MIN_CHART_WIDTH, Math.round(width)), height, margin };
}
