import type { MedicalRecord } from '$contract';
import { auth } from '../../lib/auth.svelte';
import { realtime } from '../../lib/realtime.svelte';
import { recordsApi } from './records-api';

/** Newest first, as the server lists them: by creation time, then id (both descending). */
function newestFirst(a: MedicalRecord, b: MedicalRecord): number {
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * The records the signed-in user can see (written by them, or about them), kept current by the
 * `records:*` socket events and re-read after every (re)connection, since events sent while the
 * socket was away are not replayed.
 */
export class RecordsState {
  items = $state<MedicalRecord[]>([]);
  nextCursor = $state<string | null>(null);
  loading = $state(true);
  loadingMore = $state(false);
  loadError = $state<string | null>(null);
  /** Deleted while a read was on its way: that read must not bring them back. */
  #deleted = new Set<string>();
  /** Pushed while a read was on its way: that read may predate them. */
  #pushed = new Map<string, MedicalRecord>();
  #generation = 0;

  /** Reads the first page again (pages loaded beyond it are dropped; "show older" loads them again). */
  async load(): Promise<void> {
    const generation = ++this.#generation;
    this.#pushed.clear();
    const result = await recordsApi.list();
    if (generation !== this.#generation) return;
    this.loading = false;
    if (!result.ok) {
      if (result.status === 401) auth.clear();
      this.loadError = result.error.message;
      return;
    }
    this.loadError = null;
    this.nextCursor = result.data.next_cursor;
    this.items = result.data.items.filter((r) => !this.#deleted.has(r.id)).sort(newestFirst);
    for (const record of this.#pushed.values()) this.upsert(record);
  }

  async loadMore(): Promise<void> {
    if (!this.nextCursor || this.loadingMore) return;
    this.loadingMore = true;
    const result = await recordsApi.list({ cursor: this.nextCursor });
    this.loadingMore = false;
    if (!result.ok) {
      this.loadError = result.error.message;
      return;
    }
    this.nextCursor = result.data.next_cursor;
    for (const r of result.data.items) this.upsert(r);
  }

  /** Adds the record or replaces an older version of it. */
  upsert(record: MedicalRecord): void {
    if (this.#deleted.has(record.id)) return;
    const existing = this.items.find((r) => r.id === record.id);
    if (existing && existing.version >= record.version) return;
    this.items = [...this.items.filter((r) => r.id !== record.id), record].sort(newestFirst);
  }

  remove(id: string): void {
    this.#deleted.add(id);
    this.items = this.items.filter((r) => r.id !== id);
  }

  /** Reads the list, listens to `records:created/updated/deleted` and re-reads on every (re)connection. Returns the cleanup. */
  watch(): () => void {
    const socket = realtime.socket;
    const onChange = (record: MedicalRecord) => {
      this.#pushed.set(record.id, record);
      this.upsert(record);
    };
    const onDeleted = ({ id }: { id: string }) => this.remove(id);
    const onConnect = () => void this.load();
    socket.on('records:created', onChange);
    socket.on('records:updated', onChange);
    socket.on('records:deleted', onDeleted);
    socket.on('connect', onConnect);
    // Read now, whatever the socket does: offline, the list still shows (just not live).
    void this.load();
    realtime.connect();
    return () => {
      socket.off('records:created', onChange);
      socket.off('records:updated', onChange);
      socket.off('records:deleted', onDeleted);
      socket.off('connect', onConnect);
    };
  }
}
