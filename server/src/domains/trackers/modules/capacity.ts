import { SPECIALTY_NAMES } from '../../../contract/ptl.js';
import type { TrackerFieldValue } from '../../../contract/trackers.js';
import { defineTracker } from '../define.js';

/** Weeks to clear a specialty's open pathways at its weekly new-patient supply (§1.8's clearance time), to one decimal. */
export function clearanceWeeks(openPathways: number, weeklySlots: number): number | null {
  return weeklySlots > 0 ? Math.round((openPathways / weeklySlots) * 10) / 10 : null;
}

/**
 * Capacity plans: per specialty, the demand (open PTL pathways) against the supply (new-patient
 * slots a week from the clinic templates in force today, or the planner's own figure), and the
 * weeks it would take to clear the list. Demand and supply are read live from the PTL and the
 * booking module, so the plan never goes stale.
 */
export default defineTracker({
  module: 'capacity',
  name: 'Capacity plans',
  description:
    'Demand against capacity per specialty: open PTL pathways against new-patient slots a week from your clinic templates, and the weeks it would take to clear the list.',
  fields: [
    { name: 'specialty', label: 'Specialty', type: 'enum', required: true, options: SPECIALTY_NAMES },
    {
      name: 'weekly_slots_override',
      label: 'Planned new slots a week',
      type: 'number',
      min: 0,
      max: 10_000,
      help: 'Leave empty to use the new-patient slots of your clinic templates in force today.',
    },
    { name: 'open_pathways', label: 'Open pathways', type: 'number', computed: true },
    { name: 'template_weekly_slots', label: 'New slots a week (templates)', type: 'number', computed: true },
    { name: 'weekly_slots', label: 'New slots a week', type: 'number', computed: true, help: 'Your planned figure if you set one, else the templates’.' },
    { name: 'clearance_weeks', label: 'Weeks to clear', type: 'number', computed: true, help: 'Open pathways ÷ new slots a week; empty when there are no slots.' },
  ],
  columns: ['specialty', 'open_pathways', 'weekly_slots', 'clearance_weeks', 'status'],
  statuses: ['active', 'archived'],
  statusLabels: { active: 'Active', archived: 'Archived' },
  transitions: { active: ['archived'], archived: ['active'] },
  chart: { title: 'Open pathways against new slots a week', category: 'specialty', series: ['open_pathways', 'weekly_slots'] },
  async compute(rows, { tx, ownerId, today, services }) {
    const demand = await services.get('ptl').openBySpecialtyIn(tx, ownerId);
    const supply = await services.get('booking').registers.weeklyNewSlotsIn(tx, ownerId, today);
    return new Map(
      rows.map((row): [string, Record<string, TrackerFieldValue>] => {
        const specialty = String(row.fields.specialty);
        const open = demand.get(specialty) ?? 0;
        const templates = supply.get(specialty) ?? 0;
        const override = row.fields.weekly_slots_override;
        const weekly = typeof override === 'number' ? override : templates;
        return [row.id, { open_pathways: open, template_weekly_slots: templates, weekly_slots: weekly, clearance_weeks: clearanceWeeks(open, weekly) }];
      }),
    );
  },
});
