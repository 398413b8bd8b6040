import { createSubscriber } from 'svelte/reactivity';

/**
 * The time, as a reactive value that moves on every second, but only while something on screen
 * reads it: a countdown or a Join button that goes live at its minute, with no timer left behind.
 */
class Now {
  #subscribe = createSubscriber((update) => {
    const timer = window.setInterval(update, 1000);
    return () => window.clearInterval(timer);
  });

  get ms(): number {
    this.#subscribe();
    return Date.now();
  }
}

export const now = new Now();
