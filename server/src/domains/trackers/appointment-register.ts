// The `dna` and `cancellations` trackers are registers of the booking's appointments, not rows of
// their own: read-only views whose rows are appointments (row id = appointment id), shaped as
// tracker rows. The shaping they share lives here; each tracker is its own file in modules/.
import type { AuthContext } from '../../auth/context.js';
import type { AppointmentStatus } from '../../contract/booking.js';
import type { Page } from '../../contract/pagination.js';
import type { TrackerFieldValue, TrackerItem, TrackerItemListQuery } from '../../contract/trackers.js';
import { todayInEngland } from '../../kit/dates.js';
import type { DomainServices, ServiceDirectory } from '../registry.js';
import type { TrackerView } from './define.js';

/** One missed or cancelled appointment as the booking's registers give it. */
type RegisterRow = Awaited<ReturnType<DomainServices['booking']['registers']['row']>>;

/** A view over the appointments in `statuses`, each shaped by `fields`. */
export function appointmentRegister(module: string, statuses: readonly AppointmentStatus[], fields: (row: RegisterRow) => Record<string, TrackerFieldValue>): TrackerView {
  const asItem = (r: RegisterRow): TrackerItem => ({
    id: r.id,
    module,
    patient_id: r.patient_id,
    patient_name: r.patient_name,
    pathway_id: r.pathway_id,
    status: r.status,
    fields: fields(r),
    notes: '',
    version: r.version,
    created_at: r.created_at.toISOString(),
    updated_at: r.updated_at.toISOString(),
  });
  const registers = (services: ServiceDirectory) => services.get('booking').registers;
  return {
    async list(auth: AuthContext, q: TrackerItemListQuery, services: ServiceDirectory): Promise<Page<TrackerItem>> {
      const page = await registers(services).page(auth, statuses, q, todayInEngland(), `trackers.${module}.list`);
      return { items: page.items.map(asItem), next_cursor: page.next_cursor };
    },
    async get(auth: AuthContext, id: string, services: ServiceDirectory): Promise<TrackerItem> {
      return asItem(await registers(services).row(auth, statuses, id, todayInEngland(), `trackers.${module}.view`));
    },
  };
}
