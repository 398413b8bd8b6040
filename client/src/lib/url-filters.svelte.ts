import { router } from './router.svelte';

/**
 * Keeps a list page's filters in its URL, so a reload, a shared link or Back keeps them.
 * Call while the page component initialises.
 */
export function syncFiltersToUrl(path: string, toQuery: () => string) {
  $effect(() => {
    const query = toQuery();
    if (router.path === path && query !== router.search) router.navigate(`${path}${query}`, { replace: true });
  });
}

/** Hands `read()` to `write` once it has stopped changing for `ms` (a search box that queries as you type). */
export function debounced(read: () => string, write: (value: string) => void, ms = 300) {
  $effect(() => {
    const value = read();
    const timer = setTimeout(() => write(value), ms);
    return () => clearTimeout(timer);
  });
}

export interface FilterSpec {
  /** The value when the URL says nothing ('' = any). */
  default?: string;
  /** Only these values are taken from the URL; anything else falls back to the default. */
  allowed?: readonly string[];
  /** Longest value taken from the URL (free text). */
  max?: number;
}

/**
 * A list page's filters, read from its URL once and written back to it as they change (only what
 * differs from the defaults). The `search` key gets a text box that updates the filter after a
 * pause in typing. Construct while the page component initialises: it sets up effects.
 */
export class UrlFilters<K extends string> {
  values = $state({} as Record<K, string>);
  /** What is typed in the search box; copied into `values[search]` after a pause. */
  searchText = $state('');

  readonly #spec: Record<K, FilterSpec>;
  readonly #search: K | undefined;

  constructor(path: string, spec: Record<K, FilterSpec>, options: { search?: K } = {}) {
    this.#spec = spec;
    this.#search = options.search;
    const query = router.query;
    const values = {} as Record<K, string>;
    for (const key of Object.keys(spec) as K[]) {
      const { default: fallback = '', allowed, max = 100 } = spec[key];
      const raw = query.get(key);
      values[key] = raw === null ? fallback : allowed ? (allowed.includes(raw) ? raw : fallback) : raw.slice(0, max);
    }
    this.values = values;
    const search = this.#search;
    if (search) {
      this.searchText = values[search];
      debounced(
        () => this.searchText.trim(),
        (text) => {
          if (this.values[search] !== text) this.values[search] = text;
        },
      );
    }
    syncFiltersToUrl(path, () => this.toQuery());
  }

  /** The query string for the page's URL: only what differs from the defaults. */
  toQuery(): string {
    const search = new URLSearchParams();
    for (const key of Object.keys(this.#spec) as K[]) {
      const value = this.values[key].trim();
      if (value !== (this.#spec[key].default ?? '')) search.set(key, value);
    }
    const text = search.toString();
    return text ? `?${text}` : '';
  }

  /** The API's parameters: every filter that is set. */
  params(): Partial<Record<K, string>> {
    const params: Partial<Record<K, string>> = {};
    for (const key of Object.keys(this.#spec) as K[]) {
      const value = this.values[key].trim();
      if (value) params[key] = value;
    }
    return params;
  }

  /** Does anything narrow the list beyond the defaults? */
  get active(): boolean {
    return (Object.keys(this.#spec) as K[]).some((key) => this.values[key].trim() !== (this.#spec[key].default ?? ''));
  }

  clear(): void {
    const values = {} as Record<K, string>;
    for (const key of Object.keys(this.#spec) as K[]) values[key] = this.#spec[key].default ?? '';
    this.values = values;
    this.searchText = '';
  }
}
