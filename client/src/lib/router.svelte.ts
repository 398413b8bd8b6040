/** A small history-API router: the current location as state, and same-origin link clicks kept in the app. */
class Router {
  path = $state(window.location.pathname);
  search = $state(window.location.search);
  query = $derived(new URLSearchParams(this.search));

  navigate(to: string, options: { replace?: boolean } = {}): void {
    const url = new URL(to, window.location.origin);
    if (url.origin !== window.location.origin) {
      window.location.assign(url.href);
      return;
    }
    const target = url.pathname + url.search + url.hash;
    const current = window.location.pathname + window.location.search + window.location.hash;
    if (target !== current) {
      if (options.replace) window.history.replaceState(null, '', target);
      else window.history.pushState(null, '', target);
    }
    this.sync();
    if (!options.replace) window.scrollTo(0, 0);
  }

  /** Starts listening; returns the cleanup. */
  start(): () => void {
    const onPopState = () => this.sync();
    const onClick = (event: MouseEvent) => this.interceptLink(event);
    window.addEventListener('popstate', onPopState);
    document.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('popstate', onPopState);
      document.removeEventListener('click', onClick);
    };
  }

  private sync(): void {
    this.path = window.location.pathname;
    this.search = window.location.search;
  }

  private interceptLink(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.target instanceof Element ? event.target.closest('a') : null;
    if (!anchor || !anchor.hasAttribute('href') || anchor.hasAttribute('download')) return;
    if (anchor.target && anchor.target !== '_self') return;
    if (anchor.relList.contains('external')) return;

    const url = new URL(anchor.href);
    if (url.origin !== window.location.origin) return;
    // In-page anchors such as the skip link are the browser's job (it moves focus too).
    if (url.hash && url.pathname === window.location.pathname && url.search === window.location.search) return;

    event.preventDefault();
    this.navigate(url.pathname + url.search + url.hash);
  }
}

export const router = new Router();

/** `?next=` must stay inside the app: a path, never `//host` or a full URL. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}
