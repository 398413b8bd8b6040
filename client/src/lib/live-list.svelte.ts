import type { Page, ServerToClientEvents } from '$contract';
import type { ApiResult } from './api';
import { realtime } from './realtime.svelte';

/** A row the live list can place: an id to find it by and a version to tell newer from older. */
export interface ListRow {
  id: string;
  version: number;
}

/** The server-to-client events whose payload is a `T` (e.g. `records:created` for a medical record). */
export type EventsCarrying<T> = {
  [K in keyof ServerToClientEvents]: ServerToClientEvents[K] extends (payload: T) => void ? K : never;
}[keyof ServerToClientEvents];

export interface LiveListOptions<T extends ListRow, Q> {
  /** One page of the list for `query`, from `cursor` (null: the first page). */
  fetch: (query: Q, cursor: string | null) => Promise<ApiResult<Page<T>>>;
  /**
   * The server's order, to place a pushed or edited row. Without it rows stay where the server
   * put them, a new one goes first.
   */
  order?: (a: T, b: T) => number;
  /** Socket events that bring rows in or take them out; a list without a feed reads on `load()` only. */
  feed?: {
    upsert: readonly EventsCarrying<T>[];
    remove?: readonly EventsCarrying<{ id: string }>[];
  };
}

type Listener = (payload: never) => void;

/**
 * A paged list of the signed-in user's rows, kept current: pushed rows (socket events or the
 * page's own saves) are merged in by version, deleted ones kept out, and the first page re-read on
 * every (re)connection, since events sent while the socket was away are not replayed. A read that
 * was on its way while rows were pushed or deleted does not undo them.
 */
export class LiveList<T extends ListRow, Q> {
  items = $state<T[]>([]);
  nextCursor = $state<string | null>(null);
  loading = $state(true);
  loadingMore = $state(false);
  loadError = $state<string | null>(null);
  /** The query of the rows shown (the page's filters). */
  query: Q;

  readonly #options: LiveListOptions<T, Q>;
  /** Deleted while a read was on its way: that read must not bring them back. */
  #deleted = new Set<string>();
  /** Pushed while a read was on its way: that read may predate them. */
  #pushed = new Map<string, T>();
  #generation = 0;

  constructor(options: LiveListOptions<T, Q>, query: Q) {
    this.#options = options;
    this.query = query;
  }

  /** Reads the first page again, for `query` when given (pages loaded beyond it are dropped; "show more" loads them again). */
  async load(query: Q = this.query): Promise<void> {
    const generation = ++this.#generation;
    if (query !== this.query) {
      this.query = query;
      this.loading = true;
    }
    this.#pushed.clear();
    const result = await this.#options.fetch(query, null);
    if (generation !== this.#generation) return;
    this.loading = false;
    if (!result.ok) {
      this.loadError = result.error.message;
      return;
    }
    this.loadError = null;
    this.nextCursor = result.data.next_cursor;
    const rows = result.data.items.filter((r) => !this.#deleted.has(r.id));
    this.items = this.#options.order ? rows.sort(this.#options.order) : rows;
    for (const row of this.#pushed.values()) this.upsert(row);
  }

  async loadMore(): Promise<void> {
    if (!this.nextCursor || this.loadingMore) return;
    const generation = this.#generation;
    this.loadingMore = true;
    const result = await this.#options.fetch(this.query, this.nextCursor);
    this.loadingMore = false;
    if (generation !== this.#generation) return;
    if (!result.ok) {
      this.loadError = result.error.message;
      return;
    }
    this.nextCursor = result.data.next_cursor;
    const known = new Set(this.items.map((r) => r.id));
    const fresh: T[] = [];
    for (const row of result.data.items) {
      if (known.has(row.id)) this.upsert(row);
      else if (!this.#deleted.has(row.id)) fresh.push(row);
    }
    // Older pages go after what is shown, in the server's order.
    this.items = this.#options.order ? [...this.items, ...fresh].sort(this.#options.order) : [...this.items, ...fresh];
  }

  /** Adds the row or replaces an older version of it. */
  upsert(row: T): void {
    if (this.#deleted.has(row.id)) return;
    const index = this.items.findIndex((r) => r.id === row.id);
    const existing = index >= 0 ? this.items[index] : undefined;
    if (existing && existing.version >= row.version) return;
    const order = this.#options.order;
    if (order) {
      this.items = [...this.items.filter((r) => r.id !== row.id), row].sort(order);
    } else if (existing) {
      this.items = this.items.map((r) => (r.id === row.id ? row : r));
    } else {
      this.items = [row, ...this.items];
    }
  }

  remove(id: string): void {
    this.#deleted.add(id);
    this.items = this.items.filter((r) => r.id !== id);
  }

  /** Reads the list and listens to its feed (see `listen`). Call from `onMount`; returns the cleanup. */
  watch(): () => void {
    const stop = this.listen();
    void this.load();
    return stop;
  }

  /**
   * Listens to the feed, if the list has one, and re-reads on every (re)connection; the caller
   * does the first read. Returns the cleanup.
   */
  listen(): () => void {
    const feed = this.#options.feed;
    if (!feed) return () => {};
    const onChange = (row: T) => {
      this.#pushed.set(row.id, row);
      this.upsert(row);
    };
    const onDeleted = ({ id }: { id: string }) => this.remove(id);
    const onConnect = () => void this.load();
    // socket.io's typed `on` cannot see that each of these events carries a `T`; EventsCarrying checked it.
    const on = (event: string, listener: Listener) => realtime.on(event as 'connect', listener as () => void);
    const off = (event: string, listener: Listener) => realtime.off(event as 'connect', listener as () => void);
    for (const event of feed.upsert) on(event, onChange);
    for (const event of feed.remove ?? []) on(event, onDeleted);
    realtime.on('connect', onConnect);
    realtime.connect();
    return () => {
      for (const event of feed.upsert) off(event, onChange);
      for (const event of feed.remove ?? []) off(event, onDeleted);
      realtime.off('connect', onConnect);
    };
  }
}
