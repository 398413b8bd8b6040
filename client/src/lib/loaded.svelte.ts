import type { ApiResult } from './api';

/**
 * A read that follows the page's params: built in a component's script, it reads again whenever
 * the params it used change, and keeps the last answer.
 *
 * Reads can finish out of order (a slow one for last week, a quick one for this week), so an
 * answer that arrives after a newer read has started is dropped: a read overtaken by a newer one
 * must not overwrite it. A failed read keeps the last `data` and sets `error`; a good one clears it.
 */
export class Loaded<T> {
  /** The last answer; null until the first one arrives. */
  data = $state.raw<T | null>(null);
  /** The message of the last read, if it failed. */
  error = $state<string | null>(null);
  /** A read is on its way (true from the start, before the first one). */
  loading = $state(true);

  /**
   * `read` runs in an effect: it starts the read for the current params, or returns null to read
   * nothing (an unfinished range); whatever reactive state it touches makes it run again.
   */
  constructor(read: () => Promise<ApiResult<T>> | null) {
    $effect(() => {
      const pending = read();
      if (!pending) return;
      let stale = false;
      this.loading = true;
      void pending.then((result) => {
        if (stale) return;
        this.loading = false;
        if (result.ok) {
          this.data = result.data;
          this.error = null;
        } else {
          this.error = result.error.message;
        }
      });
      return () => {
        stale = true;
      };
    });
  }
}
