import { tick } from 'svelte';
import type { ApiResult } from './api';

/**
 * Ask → confirm → delete, the same on every page that deletes something: asking moves focus to
 * the confirm button (`focusId`), a 404 counts as already gone, and any other failure stays on the
 * page as `error`. One deletion at a time.
 */
export class ConfirmDelete {
  confirming = $state(false);
  deleting = $state(false);
  error = $state<string | null>(null);

  constructor(private readonly opts: { focusId: string; remove: () => Promise<ApiResult<unknown>> | null; done: () => void }) {}

  async ask() {
    this.confirming = true;
    this.error = null;
    await tick();
    document.getElementById(this.opts.focusId)?.focus();
  }

  cancel() {
    this.confirming = false;
  }

  async confirm() {
    if (this.deleting) return;
    const pending = this.opts.remove();
    if (!pending) return;
    this.deleting = true;
    const result = await pending;
    this.deleting = false;
    if (result.ok || result.status === 404) {
      this.opts.done();
      return;
    }
    this.error = result.error.message;
  }
}
