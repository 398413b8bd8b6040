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
