import {
  CLINICAL_PRIORITIES,
  PATHWAY_STAGES,
  PATHWAY_TYPES,
  PTL_SORTS,
  SPECIALTY_NAMES,
  WAIT_GROUPS,
  type ClinicalPriority,
  type PathwayStage,
  type PathwayType,
  type WaitGroup,
} from '$contract';
import type { PtlListParams } from '../../lib/api';
import { STATE_FILTERS, type StateFilter } from './labels';

export type PtlSort = (typeof PTL_SORTS)[number];
export type SortOrder = 'asc' | 'desc';

/** The PTL's filters and sort as the form holds them: '' means "any". Kept in the page's URL. */
export interface PtlFilters {
  q: string;
  specialty: string;
  state: StateFilter;
  stage: string;
  wait_group: string;
  breached: '' | 'true' | 'false';
  priority: string;
  pathway_type: string;
  sort: PtlSort;
  order: SortOrder;
}

/** Longest waiters first; the soonest breach first; names and referral dates A→Z / oldest first. */
export const DEFAULT_ORDER: Record<PtlSort, SortOrder> = {
  weeks_waited: 'desc',
  breach_date: 'asc',
  patient_name: 'asc',
  referral_date: 'asc',
};

export const DEFAULT_FILTERS: PtlFilters = {
  q: '',
  specialty: '',
  state: 'open',
  stage: '',
  wait_group: '',
  breached: '',
  priority: '',
  pathway_type: '',
  sort: 'weeks_waited',
  order: 'desc',
};

function oneOf<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Reads the URL's query; unknown values fall back to the defaults. */
export function filtersFromQuery(query: URLSearchParams): PtlFilters {
  const sort = oneOf(PTL_SORTS, query.get('sort'), DEFAULT_FILTERS.sort);
  return {
    q: (query.get('q') ?? '').slice(0, 100),
    specialty: oneOf(SPECIALTY_NAMES, query.get('specialty'), ''),
    state: oneOf(STATE_FILTERS, query.get('state'), DEFAULT_FILTERS.state),
    stage: oneOf(PATHWAY_STAGES, query.get('stage'), ''),
    wait_group: oneOf(WAIT_GROUPS, query.get('wait_group'), ''),
    breached: oneOf(['true', 'false'], query.get('breached'), ''),
    priority: oneOf(CLINICAL_PRIORITIES, query.get('priority'), ''),
    pathway_type: oneOf(PATHWAY_TYPES, query.get('pathway_type'), ''),
    sort,
    order: oneOf(['asc', 'desc'], query.get('order'), DEFAULT_ORDER[sort]),
  };
}

/** The query string for the page's URL: only what differs from the defaults. */
export function filtersToQuery(filters: PtlFilters): string {
  const search = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_FILTERS) as (keyof PtlFilters)[]) {
    const value = key === 'q' ? filters.q.trim() : filters[key];
    const fallback = key === 'order' ? DEFAULT_ORDER[filters.sort] : DEFAULT_FILTERS[key];
    if (value !== fallback) search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The API's list (and export) parameters. */
export function filtersToParams(filters: PtlFilters): PtlListParams {
  const q = filters.q.trim();
  return {
    state: filters.state,
    sort: filters.sort,
    order: filters.order,
    ...(q ? { q } : {}),
    ...(filters.specialty ? { specialty: filters.specialty } : {}),
    ...(filters.stage ? { stage: filters.stage as PathwayStage } : {}),
    ...(filters.wait_group ? { wait_group: filters.wait_group as WaitGroup } : {}),
    ...(filters.breached ? { breached: filters.breached === 'true' } : {}),
    ...(filters.priority ? { priority: filters.priority as ClinicalPriority } : {}),
    ...(filters.pathway_type ? { pathway_type: filters.pathway_type as PathwayType } : {}),
  };
}

export function hasNarrowingFilters(filters: PtlFilters): boolean {
  return (
    filters.q.trim() !== '' ||
    filters.specialty !== '' ||
    filters.state !== DEFAULT_FILTERS.state ||
    filters.stage !== '' ||
    filters.wait_group !== '' ||
    filters.breached !== '' ||
    filters.priority !== '' ||
    filters.pathway_type !== ''
  );
}

/** Filters in use besides the search box (which stays in view): the count on the phone's "Filters" button. */
export function activeFilterCount(filters: PtlFilters): number {
  return [
    filters.specialty !== '',
    filters.state !== DEFAULT_FILTERS.state,
    filters.stage !== '',
    filters.wait_group !== '',
    filters.breached !== '',
    filters.priority !== '',
    filters.pathway_type !== '',
  ].filter(Boolean).length;
}

/** Sort and order as one choice, for the phone, where the cards have no column headers to click. */
export const SORT_OPTIONS: readonly { value: `${PtlSort}:${SortOrder}`; label: string }[] = [
  { value: 'weeks_waited:desc', label: 'Longest wait first' },
  { value: 'weeks_waited:asc', label: 'Shortest wait first' },
  { value: 'breach_date:asc', label: 'Soonest breach first' },
  { value: 'breach_date:desc', label: 'Latest breach first' },
  { value: 'patient_name:asc', label: 'Name, A to Z' },
  { value: 'patient_name:desc', label: 'Name, Z to A' },
  { value: 'referral_date:asc', label: 'Oldest referral first' },
  { value: 'referral_date:desc', label: 'Newest referral first' },
];
