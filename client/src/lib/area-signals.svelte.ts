import type { MedicalRecord, Role } from '$contract';
import { api } from './api';
import { dependsOnSignals, type AreaSignals } from './areas';
import { realtime } from './realtime.svelte';

/**
 * What the navigation knows beyond the viewer's role, kept current while they are signed in: a
 * trainee's Records entry appears the moment a record about them is written, and goes with the last.
 */
class LiveAreaSignals implements AreaSignals {
  recordsAboutYou = $state(false);

  /** Reads the signals for this viewer and follows the events that change them; returns the cleanup. */
  watch(user: { id: string; role: Role }): () => void {
    this.recordsAboutYou = false;
    if (!dependsOnSignals(user.role)) return () => {};
    let stopped = false;
    const read = async () => {
      const result = await api.records.summary();
      if (!stopped && result.ok) this.recordsAboutYou = result.data.about_you > 0;
    };
    const created = (record: MedicalRecord) => {
      if (record.patient.id === user.id) this.recordsAboutYou = true;
    };
    // A deletion names only the record, and a reconnection may have missed events: the server says again.
    const reread = () => void read();
    const stops = [realtime.on('records:created', created), realtime.on('records:deleted', reread), realtime.on('connect', reread)];
    void read();
    return () => {
      stopped = true;
      for (const stop of stops) stop();
    };
  }
}

export const areaSignals = new LiveAreaSignals();
