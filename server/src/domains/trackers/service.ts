import type { ErrorDetail } from '../../contract/errors.js';
import type { Page } from '../../contract/pagination.js';
import type { TrackerFieldValue, TrackerItem, TrackerItemCreateInput, TrackerItemListQuery, TrackerItemUpdateInput, TrackerListResponse } from '../../contract/trackers.js';
import type { Db, Queryable } from '../../db/types.js';
import { notFound, validationFailed } from '../../errors.js';
import { zodDetails } from '../../http/validate.js';
import { iso, ownedResource, type OwnedResource } from '../../kit/owned-resource.js';
import type { AuthContext } from '../../auth/context.js';
import type { TrackerItemRow } from './repo.js';
import type { ServiceDirectory } from '../registry.js';
import { describe, fieldProblems, fieldsSchema, workflowOf, type TrackerDefinition } from './define.js';

export function presentTrackerItem(r: TrackerItemRow): TrackerItem {
  return {
    id: r.id,
    module: r.module,
    patient_id: r.patient_id,
    patient_name: r.patient_name,
    pathway_id: r.pathway_id,
    status: r.status,
    fields: r.fields,
    notes: r.notes,
    version: r.version,
    created_at: iso(r.created_at)!,
    updated_at: iso(r.updated_at)!,
  };
}

export type { TrackerItemRow };

export type TrackersService = ReturnType<typeof createTrackersService>;

/**
 * Every tracker from its definition: the kit's owned-resource over `tracker_items`, fixed to the
 * module, with the definition's fields, workflow and rules. Nothing here knows any one tracker.
 */
export function createTrackersService({
  db,
  trackers,
  today,
  services,
}: {
  db: Db;
  trackers: readonly TrackerDefinition[];
  today: () => string;
  /** Other domains' services, for computed fields and views (looked up when a request needs them). */
  services: ServiceDirectory;
}) {
  const byModule = new Map<string, { def: TrackerDefinition; resource: OwnedResource<TrackerItemRow, TrackerItem> }>();
  for (const def of trackers) {
    const resource = ownedResource<TrackerItemRow, TrackerItem>(
      db,
      {
        noun: `${def.name.toLowerCase()} row`,
        table: 'public.tracker_items',
        fixed: { module: def.module },
        insertColumns: ['patient_id', 'patient_name', 'pathway_id', 'status', 'fields', 'notes'],
        updateColumns: ['patient_id', 'patient_name', 'pathway_id', 'status', 'fields', 'notes'],
        jsonColumns: ['fields'],
        filters: {
          status: (v: string, p) => `t.status = ${p(v)}`,
          pathway_id: (v: string, p) => `t.pathway_id = ${p(v)}`,
        },
        search: ['t.patient_name', 't.patient_id', 't.notes', 't.fields::text'],
        sort: { keys: [{ expr: 't.updated_at', type: 'timestamptz' }], dir: 'desc' },
        workflow: { column: 'status', workflow: workflowOf(def), label: (s) => def.statusLabels[s] ?? s },
        check: (next, _before, ctx) => {
          const status = String(next.status);
          if (!def.statuses.includes(status)) return [{ path: 'status', message: `Unknown status: ${status}` }];
          return fieldProblems(def, { status, fields: next.fields as Record<string, TrackerFieldValue> }, ctx.today);
        },
        present: presentTrackerItem,
        ...(def.compute ? { enrich: enrichWith(def) } : {}),
      },
      today,
    );
    byModule.set(def.module, { def, resource });
  }

  /** Adds the computed fields' values to rows, from the owner's data in the same transaction. */
  function enrichWith(def: TrackerDefinition) {
    return async (tx: Queryable, items: TrackerItem[], ownerId: string, ctx: { today: string }) => {
      const values = await def.compute!(items, { tx, ownerId, today: ctx.today, services });
      return items.map((item) => ({ ...item, fields: { ...item.fields, ...values.get(item.id) } }));
    };
  }

  /** An unknown module, or a write to a read-only one, is 404 (API-modules.md). */
  function tracker(module: string, write = false) {
    const found = byModule.get(module);
    if (!found || (write && found.def.readOnly)) throw notFound('No such tracker');
    return found;
  }

  /** The module's own fields, checked against its definition (unknown ones refused, types coerced). */
  function parseFields(def: TrackerDefinition, raw: Record<string, unknown>): Record<string, TrackerFieldValue> {
    const parsed = fieldsSchema(def).safeParse(raw);
    if (!parsed.success) {
      const details: ErrorDetail[] = zodDetails(parsed.error).map((d) => ({ path: d.path ? `fields.${d.path}` : 'fields', message: d.message }));
      throw validationFailed('Some fields are invalid', details);
    }
    return Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as Record<string, TrackerFieldValue>;
  }

  return {
    describeAll(): TrackerListResponse {
      return { items: trackers.map(describe) };
    },

    list(auth: AuthContext, module: string, q: TrackerItemListQuery): Promise<Page<TrackerItem>> {
      const { def, resource } = tracker(module);
      return def.view ? def.view.list(auth, q, services) : resource.list(auth, q);
    },

    get(auth: AuthContext, module: string, id: string): Promise<TrackerItem> {
      const { def, resource } = tracker(module);
      return def.view ? def.view.get(auth, id, services) : resource.get(auth, id);
    },

    /** A create without a status starts where the definition says (its first status unless a rule decides). */
    create(auth: AuthContext, module: string, input: TrackerItemCreateInput & { fields: Record<string, unknown> }): Promise<TrackerItem> {
      const { def, resource } = tracker(module, true);
      const fields = parseFields(def, input.fields);
      const status = input.status ?? def.initialStatus?.({ status: def.statuses[0]!, fields }) ?? def.statuses[0]!;
      return resource.create(auth, { ...input, fields, status });
    },

    /** `fields` in a PATCH changes only the fields it names; null clears one. */
    async update(auth: AuthContext, module: string, id: string, input: TrackerItemUpdateInput): Promise<TrackerItem> {
      const { def, resource } = tracker(module, true);
      const { version, fields: changed, ...rest } = input;
      const patch = changed === undefined ? null : parseFields(def, changed);
      return db.asUser(auth.claims, async (tx) => {
        const { after } = await resource.updateIn(tx, id, version, (before) => ({ ...rest, ...(patch ? { fields: { ...before.fields, ...patch } } : {}) }));
        return resource.presentIn(tx, after, auth.account.id);
      });
    },

    remove(auth: AuthContext, module: string, id: string): Promise<void> {
      return tracker(module, true).resource.remove(auth, id);
    },
  };
}
