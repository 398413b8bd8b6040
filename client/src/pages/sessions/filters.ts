import { CASE_DOMAINS, type BoardSession, type CaseDomain } from '$contract';
import type { BoardParams } from '../../lib/api';
import { dayEndIso, dayStartIso } from './format';

/** The board's filters as the form holds them: '' means "any". Kept in the page's URL. */
export interface BoardFilters {
  /** `YYYY-MM-DD`, a day in the viewer's zone. */
  from: string;
  to: string;
  domain: string;
  open: boolean;
}

export const DEFAULT_FILTERS: BoardFilters = { from: '', to: '', domain: '', open: false };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function day(value: string | null): string {
  return value !== null && DAY.test(value) && dayStartIso(value) !== null ? value : '';
}

/** Reads the URL's query; unknown values fall back to the defaults. */
export function filtersFromQuery(query: URLSearchParams): BoardFilters {
  const domain = query.get('domain');
  return {
    from: day(query.get('from')),
    to: day(query.get('to')),
    domain: domain !== null && (CASE_DOMAINS as readonly string[]).includes(domain) ? domain : '',
    open: query.get('open') === 'true',
  };
}

/** The query string for the page's URL: only what differs from the defaults. */
export function filtersToQuery(filters: BoardFilters): string {
  const search = new URLSearchParams();
  if (filters.from) search.set('from', filters.from);
  if (filters.to) search.set('to', filters.to);
  if (filters.domain) search.set('domain', filters.domain);
  if (filters.open) search.set('open', 'true');
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** "To" before "From" finds nothing; the form says so instead of asking the server. */
export function datesOutOfOrder(filters: BoardFilters): boolean {
  return filters.from !== '' && filters.to !== '' && filters.to < filters.from;
}

/** The API's board parameters: whole days in the viewer's zone as UTC instants. */
export function filtersToParams(filters: BoardFilters): BoardParams {
  const from = filters.from ? dayStartIso(filters.from) : null;
  const to = filters.to ? dayEndIso(filters.to) : null;
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(filters.domain ? { domain: filters.domain as CaseDomain } : {}),
    ...(filters.open ? { open: true } : {}),
  };
}

/** How many filters are in use: the count on the phone's "Filters" button. */
export function activeFilterCount(filters: BoardFilters): number {
  return [filters.from !== '', filters.to !== '', filters.domain !== '', filters.open].filter(Boolean).length;
}

export function hasNarrowingFilters(filters: BoardFilters): boolean {
  return filters.from !== '' || filters.to !== '' || filters.domain !== '' || filters.open;
}

/** Whether a session pushed by the socket belongs in the list the server gave for `params`. */
export function matchesBoard(session: BoardSession, params: BoardParams): boolean {
  if (session.status !== 'open' && session.status !== 'matched') return false;
  if (params.open && session.status !== 'open') return false;
  if (params.domain && session.domain !== params.domain) return false;
  const at = Date.parse(session.datetime_utc);
  if (params.from && at < Date.parse(params.from)) return false;
  if (params.to && at > Date.parse(params.to)) return false;
  return true;
}

/** Soonest first, as the server lists them. */
export function byTime(a: { datetime_utc: string; id: string }, b: { datetime_utc: string; id: string }): number {
  return Date.parse(a.datetime_utc) - Date.parse(b.datetime_utc) || a.id.localeCompare(b.id);
}
