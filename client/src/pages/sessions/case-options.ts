import { CASE_CATEGORIES, type CaseCategory, type CaseListItem } from '$contract';
import { api, type ApiResult } from '../../lib/api';
import { CATEGORY_LABELS } from './labels';

/** The library holds a few hundred cases at most: one page of the largest size lists them all. */
const ALL_CASES = 500;

/** Every case the actor may pick: the shared bank and their own (listing fields only). */
export async function loadCases(): Promise<ApiResult<CaseListItem[]>> {
  const result = await api.listCases({ limit: ALL_CASES });
  return result.ok ? { ok: true, data: result.data.items } : result;
}

export interface CaseGroup {
  category: CaseCategory;
  label: string;
  items: CaseListItem[];
}

/** Cases grouped by category in the contract's order, names A→Z within each. */
export function groupByCategory(items: readonly CaseListItem[]): CaseGroup[] {
  return CASE_CATEGORIES.map((category) => ({
    category,
    label: CATEGORY_LABELS[category],
    items: items.filter((c) => c.category === category).sort((a, b) => a.case_name.localeCompare(b.case_name, 'en-GB')),
  })).filter((g) => g.items.length > 0);
}
