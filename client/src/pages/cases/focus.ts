import { tick } from 'svelte';

/** After the DOM has caught up with a list change, moves focus to `id` (if it is there). */
export async function focusAfterUpdate(id: string): Promise<void> {
  await tick();
  document.getElementById(id)?.focus();
}
