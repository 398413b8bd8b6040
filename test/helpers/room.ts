import type { Page } from 'playwright-core';

/**
 * Shows the brief or the transcript in the room's side panel (the control bar's buttons toggle it:
 * beside the stage on a wide screen, over it on a phone). Leaves it as it is when already shown.
 */
export async function openRoomPanel(page: Page, panel: 'brief' | 'transcript'): Promise<void> {
  const button = page.getByTestId(`room-panel-${panel}`);
  await button.waitFor({ timeout: 15_000 });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}
