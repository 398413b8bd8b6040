import { CASE_CATEGORIES, CASE_DOMAINS, type CaseCategory, type CaseDomain } from '$contract';
import type { CaseListParams } from '../../lib/api';
import { CASE_SOURCES, type CaseSource } from './labels';

/** The library's filters as the form holds them: '' means "any". Kept in the page's URL. */
export interface CaseFilters {
  q: string;
  category: string;
  domain: string;
  source: CaseSource;
}

export const DEFAULT_FILTERS: CaseFilters = { q: '', category: '', domain: '', source: 'all' };

function oneOf<T extends string>(allowed: readonly T[], value: string | null, fallback: T | ''): T | '' {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Reads the URL's query; unknown values fall back to the defaults. */
export function filtersFromQuery(query: URLSearchParams): CaseFilters {
  return {
    q: (query.get('q') ?? '').slice(0, 100),
    category: oneOf(CASE_CATEGORIES, query.get('category'), ''),
    domain: oneOf(CASE_DOMAINS, query.get('domain'), ''),
    source: oneOf(CASE_SOURCES, query.get('source'), 'all') || 'all',
  };
}

/** The query string for the page's URL: only what differs from the defaults. */
export function filtersToQuery(filters: CaseFilters): string {
  const search = new URLSearchParams();
  const q = filters.q.trim();
  if (q) search.set('q', q);
  if (filters.category) search.set('category', filters.category);
  if (filters.domain) search.set('domain', filters.domain);
  if (filters.source !== DEFAULT_FILTERS.source) search.set('source', filters.source);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The API's list parameters, without paging. */
export function filtersToParams(filters: CaseFilters): CaseListParams {
  const q = filters.q.trim();
  return {
    source: filters.source,
    ...(q ? { q } : {}),
    ...(filters.category ? { category: filters.category as CaseCategory } : {}),
    ...(filters.domain ? { domain: filters.domain as CaseDomain } : {}),
  };
}

export function hasNarrowingFilters(filters: CaseFilters): boolean {
  return filters.q.trim() !== '' || filters.category !== '' || filters.domain !== '' || filters.source !== 'all';
}
