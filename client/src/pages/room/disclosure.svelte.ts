import type { DisclosureState } from '$contract';
import { api } from '../../lib/api';
import { realtime } from '../../lib/realtime.svelte';

/** The actor's disclosure tracker: which `if_asked` facts the candidate drew out. */
export class DisclosureTracker {
  readonly sessionId: string;
  elicited = $state.raw<string[]>([]);
  /** The fact whose tick is on its way to the server. */
  busy = $state<string | null>(null);
  error = $state<string | null>(null);
  #generation = 0;

  constructor(sessionId: string) {
    this.sessionId = sessionId;
  }

  watch(): () => void {
    return realtime.watchDisclosure(this.sessionId, (state) => this.#apply(state));
  }

  /** What is stored so far (the assessment's `elicited_facts`; the actor may read it at any time). */
  async load(): Promise<void> {
    const gen = ++this.#generation;
    const result = await api.getAssessment(this.sessionId);
    if (gen !== this.#generation || !result.ok) return;
    this.elicited = result.data.elicited_facts;
  }

  async toggle(factId: string, elicited: boolean): Promise<void> {
    if (this.busy) return;
    this.busy = factId;
    this.error = null;
    const result = await realtime.setFactElicited({ session_id: this.sessionId, fact_id: factId, elicited });
    this.busy = null;
    if (result.ok) this.#apply(result.state);
    else this.error = result.error.message;
  }

  #apply(state: DisclosureState): void {
    // A later answer supersedes any load still on its way.
    this.#generation++;
    this.elicited = state.elicited;
  }
}
