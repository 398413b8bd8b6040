// The printable portfolio: one self-contained HTML page, fit to print or save as PDF and show at a
// job interview. Server-rendered from the portfolio document; every user-written string goes
// through esc(). No scripts, no external resources; the one <style> block is allowed by its hash
// in the page's own Content-Security-Policy (see routes.ts).
import { createHash } from 'node:crypto';
import { TRAINING_LEVEL_LABELS, type TrainingLevel } from '../../contract/accounts.js';
import { SCORE_SERIES_STYLES, type Portfolio, type ScoreSeries } from '../../contract/portfolio.js';
import { GLOBAL_RATING_LABELS, GLOBAL_RATINGS } from '../../contract/sessions.js';
import { humanise } from './build.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values alike: the five characters HTML gives meaning to. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const fmtDate = (at: string | null) => (at ? dateFormat.format(new Date(at)) : '—');
const fmtMark = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toFixed(2));

const ROLE_NAMES: Record<string, string> = { trainee: 'Trainee', doctor: 'Doctor', patient: 'Patient', admin: 'Administrator' };
const STATUS_NAMES: Record<string, string> = {
  open: 'Open',
  matched: 'Matched',
  live: 'Live',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

export const PRINT_CSS = `
  :root { color-scheme: light; }
  * { box-sizing: border-box; }
  body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 3rem; font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #212b32; background: #fff; }
  header { border-bottom: 3px solid #005eb8; padding-bottom: 0.75rem; margin-bottom: 1.25rem; }
  h1 { font-size: 1.9rem; margin: 0 0 0.25rem; }
  h2 { font-size: 1.25rem; margin: 1.75rem 0 0.5rem; color: #003d78; border-bottom: 1px solid #d8dde0; padding-bottom: 0.2rem; }
  h3 { font-size: 1rem; margin: 0.75rem 0 0.25rem; }
  p { margin: 0 0 0.5rem; }
  .meta { color: #4c6272; }
  .screen-only { background: #f0f4f5; border-left: 4px solid #005eb8; padding: 0.5rem 0.75rem; }
  dl.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: 0.5rem; margin: 0; }
  dl.cards div { border: 1px solid #d8dde0; border-bottom: 3px solid #005eb8; padding: 0.4rem 0.6rem; }
  dl.cards dt { color: #4c6272; font-size: 0.85rem; }
  dl.cards dd { margin: 0; font-size: 1.3rem; font-weight: 700; }
  table { width: 100%; border-collapse: collapse; margin: 0.25rem 0 0.75rem; }
  th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid #d8dde0; }
  th { font-size: 0.85rem; color: #4c6272; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  ul.plain { list-style: none; padding: 0; margin: 0; }
  ul.plain li { padding: 0.4rem 0; border-bottom: 1px solid #eef0f1; }
  ul.legend { list-style: none; padding: 0; margin: 0.25rem 0 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
  .quote { white-space: pre-wrap; margin: 0.2rem 0 0; }
  .muted { color: #4c6272; }
  .na { color: #4c6272; font-style: italic; }
  svg.chart { width: 100%; max-width: 44rem; height: auto; border: 1px solid #d8dde0; }
  svg.chart text { font-size: 12px; fill: #4c6272; }
  svg.chart .grid { stroke: #d8dde0; }
  footer { margin-top: 2rem; padding-top: 0.5rem; border-top: 1px solid #d8dde0; color: #4c6272; font-size: 0.85rem; }
  @page { size: A4; margin: 16mm 14mm; }
  @media print {
    body { padding: 0; max-width: none; font-size: 10pt; }
    .screen-only { display: none; }
    h2 { break-after: avoid; page-break-after: avoid; }
    section, tr, li, figure { break-inside: avoid; page-break-inside: avoid; }
    a { color: inherit; text-decoration: none; }
  }
`;

/** `sha256-…` source for the CSP, so exactly this stylesheet (and no other inline style) may apply. */
export const PRINT_CSS_HASH = `'sha256-${createHash('sha256').update(PRINT_CSS, 'utf8').digest('base64')}'`;

const SERIES_STYLES = SCORE_SERIES_STYLES;

/** An SVG line chart of the marks received per domain over time (0–4), with presentation attributes only. */
export function scoreChartSvg(series: readonly ScoreSeries[]): string {
  const points = series.flatMap((s) => s.points);
  if (points.length === 0) return '';
  const W = 700;
  const H = 260;
  const M = { top: 16, right: 16, bottom: 36, left: 40 };
  const times = points.map((p) => Date.parse(p.at));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const x = (at: string) => M.left + (t1 === t0 ? (W - M.left - M.right) / 2 : ((Date.parse(at) - t0) / (t1 - t0)) * (W - M.left - M.right));
  const y = (mark: number) => M.top + (1 - mark / 4) * (H - M.top - M.bottom);
  const parts: string[] = [];
  for (let mark = 0; mark <= 4; mark++) {
    parts.push(`<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${y(mark)}" y2="${y(mark)}"/>`);
    parts.push(`<text x="${M.left - 8}" y="${y(mark) + 4}" text-anchor="end">${mark}</text>`);
  }
  parts.push(`<text x="${M.left}" y="${H - 10}">${esc(fmtDate(new Date(t0).toISOString()))}</text>`);
  if (t1 !== t0) parts.push(`<text x="${W - M.right}" y="${H - 10}" text-anchor="end">${esc(fmtDate(new Date(t1).toISOString()))}</text>`);
  series.forEach((s, i) => {
    const style = SERIES_STYLES[i % SERIES_STYLES.length]!;
    const coords = s.points.map((p) => `${x(p.at).toFixed(1)},${y(p.mark).toFixed(1)}`);
    parts.push(
      `<polyline fill="none" stroke="${style.stroke}" stroke-width="2"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''} points="${coords.join(' ')}"/>`,
    );
    for (const c of coords) {
      const [cx, cy] = c.split(',');
      parts.push(`<circle cx="${cx}" cy="${cy}" r="3.5" fill="${style.stroke}"/>`);
    }
  });
  const legend = series
    .map((s, i) => {
      const style = SERIES_STYLES[i % SERIES_STYLES.length]!;
      return `<li><svg width="28" height="10" aria-hidden="true"><line x1="0" x2="28" y1="5" y2="5" stroke="${style.stroke}" stroke-width="2"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/></svg> ${esc(s.name)}</li>`;
    })
    .join('');
  return `<figure>
  <svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="Marks received per domain over time, 0 to 4; the same figures are in the table">${parts.join('')}</svg>
  <figcaption><ul class="legend">${legend}</ul></figcaption>
</figure>`;
}

function levelName(level: string | null): string {
  return level && level in TRAINING_LEVEL_LABELS ? TRAINING_LEVEL_LABELS[level as TrainingLevel] : '';
}

/** The printable page for one portfolio. */
export function renderPortfolioHtml(p: Portfolio): string {
  const name = `${p.person.first_name} ${p.person.last_name}`.trim() || 'Trainee';
  const s = p.summary;
  const card = (label: string, value: string | number) => `<div><dt>${esc(label)}</dt><dd>${esc(value)}</dd></div>`;
  const sectionIf = (title: string, body: string, empty: string) => `<section><h2>${esc(title)}</h2>${body || `<p class="muted">${esc(empty)}</p>`}</section>`;

  const scoresTable = p.score_series.length
    ? `<table><thead><tr><th>Domain</th><th class="num">Stations marked</th><th class="num">Average (0–4)</th><th class="num">Latest</th></tr></thead><tbody>${p.score_series
        .map((d) => `<tr><td>${esc(d.name)}</td><td class="num">${d.points.length}</td><td class="num">${fmtMark(d.average)}</td><td class="num">${d.points.at(-1)?.mark ?? '—'}</td></tr>`)
        .join('')}</tbody></table>`
    : '';

  const ratings = p.global_ratings.items.length
    ? `<table><thead><tr>${GLOBAL_RATINGS.map((r) => `<th class="num">${esc(GLOBAL_RATING_LABELS[r])}</th>`).join('')}</tr></thead><tbody><tr>${GLOBAL_RATINGS.map(
        (r) => `<td class="num">${p.global_ratings.counts[r]}</td>`,
      ).join('')}</tr></tbody></table>`
    : '';

  const feedback = p.feedback_received
    .map(
      (f) => `<li><h3>${esc(fmtDate(f.at))}${f.case_name ? ` · ${esc(f.case_name)}` : ''}${f.global_rating ? ` · ${esc(GLOBAL_RATING_LABELS[f.global_rating])}` : ''}</h3>${
        f.strengths.trim() ? `<p><strong>Strengths:</strong></p><p class="quote">${esc(f.strengths)}</p>` : ''
      }${f.improvements.trim() ? `<p><strong>To improve:</strong></p><p class="quote">${esc(f.improvements)}</p>` : ''}</li>`,
    )
    .join('');

  const reflections = p.reflections
    .map((r) => `<li><h3>${esc(fmtDate(r.at))}${r.case_name ? ` · ${esc(r.case_name)}` : ''}</h3><p class="quote">${esc(r.text)}</p></li>`)
    .join('');

  const modules = `<table><thead><tr><th>Module</th><th>Activity</th></tr></thead><tbody>${p.modules
    .map((m) =>
      m.available
        ? `<tr><td>${esc(m.name)}</td><td>${esc(m.summary)}</td></tr>`
        : `<tr><td>${esc(m.name)}</td><td class="na">Not yet available</td></tr>`,
    )
    .join('')}</tbody></table>`;

  const sessions = p.sessions.length
    ? `<table><thead><tr><th>Date</th><th>Role</th><th>Case</th><th>Partner</th><th>Status</th><th>Rating</th></tr></thead><tbody>${p.sessions
        .map(
          (x) =>
            `<tr><td>${esc(fmtDate(x.completed_at ?? x.datetime_utc))}</td><td>${x.role === 'candidate' ? 'Candidate' : 'Actor'}</td><td>${esc(
              x.case.case_name ?? (x.case.category ? humanise(x.case.category) : '—'),
            )}</td><td>${esc(x.partner ? `${x.partner.first_name} ${x.partner.last_name}` : '—')}</td><td>${esc(STATUS_NAMES[x.status] ?? x.status)}</td><td>${esc(
              x.global_rating ? GLOBAL_RATING_LABELS[x.global_rating] : '—',
            )}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';

  const timeline = p.timeline
    .slice(0, 60)
    .map((t) => `<li><span class="muted">${esc(fmtDate(t.at))}</span> — ${esc(t.title)}${t.detail ? ` <span class="muted">(${esc(t.detail)})</span>` : ''}</li>`)
    .join('');

  const level = levelName(p.person.training_level);
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(`Practice portfolio — ${name}`)}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
<header>
  <h1>${esc(name)}</h1>
  <p class="meta">${esc([level, ROLE_NAMES[p.person.role] ?? p.person.role].filter(Boolean).join(' · '))}</p>
  <p class="meta">Practice portfolio generated on ${esc(fmtDate(p.generated_at))} · member since ${esc(fmtDate(p.person.member_since))}</p>
</header>
<p class="screen-only">To keep a copy, use your browser’s Print command and choose “Save as PDF”.</p>
<section>
  <h2>Summary</h2>
  <dl class="cards">
    ${card('Stations completed', s.sessions_completed)}
    ${card('As candidate', s.completed_as_candidate)}
    ${card('As actor (examiner)', s.completed_as_actor)}
    ${card('Average mark (0–4)', fmtMark(s.overall_average))}
    ${card('Feedback given', s.feedback_given)}
    ${card('Last activity', fmtDate(s.last_activity_at))}
  </dl>
</section>
${sectionIf('Scores per domain', `${scoreChartSvg(p.score_series)}${scoresTable}`, 'No marked stations as the candidate yet.')}
${sectionIf('Global ratings', ratings, 'No global ratings yet.')}
${sectionIf('Feedback received', feedback ? `<ul class="plain">${feedback}</ul>` : '', 'No written feedback yet.')}
${sectionIf('Reflections', reflections ? `<ul class="plain">${reflections}</ul>` : '', 'No reflections written yet.')}
<section><h2>Clinical administration</h2>${modules}</section>
${sectionIf('Practice sessions', sessions, 'No practice sessions yet.')}
${sectionIf('Timeline', timeline ? `<ul class="plain">${timeline}</ul>` : '', 'Nothing yet.')}
<footer>Generated by OSCE Practice from the trainee’s own practice records: peer-marked mock stations on a 0–4 scale per domain, with global ratings from clear fail to clear pass.</footer>
</body>
</html>
`;
}
