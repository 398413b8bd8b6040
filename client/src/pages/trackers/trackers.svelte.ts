import type { TrackerDefinitionView, TrackerItem } from '$contract';
import { api } from '../../lib/api';
import { columnFor, type FieldDef, type ModuleDef, type Workflow } from '../../lib/kit/definition';

/**
 * The trackers as the server defines them (`GET /api/trackers`), read once per visit to the app.
 * Nothing here names a tracker: a new definition on the server shows up with no client change.
 */
class TrackerDefinitions {
  items = $state.raw<TrackerDefinitionView[] | null>(null);
  error = $state<string | null>(null);
  #loading: Promise<void> | null = null;

  load(): Promise<void> {
    if (this.items) return Promise.resolve();
    this.#loading ??= api.trackers.definitions().then((result) => {
      this.#loading = null;
      if (result.ok) {
        this.items = result.data.items;
        this.error = null;
      } else {
        this.error = result.error.message;
      }
    });
    return this.#loading;
  }

  find(module: string): TrackerDefinitionView | null {
    return this.items?.find((d) => d.module === module) ?? null;
  }
}

export const trackerDefinitions = new TrackerDefinitions();

export const trackerHref = (module: string, id?: string): string =>
  `/trackers/${encodeURIComponent(module)}${id ? `/${encodeURIComponent(id)}` : ''}`;

/** The tracker's own fields as form fields, at `fields.<name>` in the row and the body. */
function ownFields(view: TrackerDefinitionView): FieldDef[] {
  return view.fields.map((f) => ({
    key: `fields.${f.name}`,
    label: f.label,
    type: f.type,
    required: f.required,
    options: f.options,
    optionLabels: f.option_labels,
    futureAllowed: f.future_allowed,
    help: f.help,
    maxlength: f.type === 'textarea' ? 5000 : f.type === 'text' ? 500 : undefined,
    computed: f.computed,
  }));
}

export function workflowOf(view: TrackerDefinitionView): Workflow | null {
  return view.statuses.length ? { statuses: view.statuses, labels: view.status_labels, transitions: view.transitions } : null;
}

/** A tracker's definition as the generic pages take it: every tracker row's own parts, then the tracker's fields. */
export function trackerModule(view: TrackerDefinitionView): ModuleDef<TrackerItem> {
  const workflow = workflowOf(view);
  const own = ownFields(view);
  const fields: FieldDef[] = [
    { key: 'patient_name', label: 'Patient name', type: 'text', required: false, maxlength: 200 },
    { key: 'patient_id', label: 'Patient ID', type: 'text', required: false, maxlength: 40, help: 'Your local reference: letters, digits and . _ / - only.' },
    { key: 'pathway_id', label: 'PTL pathway', type: 'pathway', required: false, help: 'Link it to one of your PTL pathways.' },
    ...own,
    ...(workflow ? [{ key: 'status', label: 'Status', type: 'enum', required: true } satisfies FieldDef] : []),
    { key: 'notes', label: 'Notes', type: 'textarea', required: false, maxlength: 5000, emptyAs: '' },
  ];
  const firstText = own.find((f) => f.type === 'text');
  const title = (row: TrackerItem): string => {
    const what = firstText ? row.fields[firstText.key.slice('fields.'.length)] : null;
    return [row.patient_name, typeof what === 'string' ? what : null].filter(Boolean).join(' – ') || `${view.name} entry`;
  };
  return {
    name: view.name,
    noun: 'entry',
    description: view.description,
    fields,
    columns: view.columns.map((key) => columnFor<TrackerItem>(key, fields, workflow, { patient_name: 'Patient', updated_at: 'Last changed', created_at: 'Added' })),
    workflow,
    readOnly: view.read_only,
    title,
    href: (row) => trackerHref(view.module, row.id),
  };
}

/** The list's filters: status (from the workflow) and pathway; `q` is the search box. */
export function trackerFilterFields(view: TrackerDefinitionView): FieldDef[] {
  const workflow = workflowOf(view);
  return [
    ...(workflow
      ? [{ key: 'status', label: 'Status', type: 'enum', required: false, options: workflow.statuses, optionLabels: workflow.statuses.map((s) => workflow.labels[s] ?? s) } satisfies FieldDef]
      : []),
    { key: 'pathway_id', label: 'PTL pathway', type: 'pathway', required: false },
  ];
}
