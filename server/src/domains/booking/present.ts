// The booking API's shapes: every exposed field named, so a column added to the tables never
// leaves the server by accident.
import type { Appointment, ClinicTemplate, Slot } from '../../contract/booking.js';
import { iso } from '../../kit/owned-resource.js';
import type { AppointmentRow, ClinicRow, SlotRow } from './repo.js';
import { capacityOf, minutesOf, timeOf } from './slots.js';

/** `HH:MM` whichever way PostgreSQL gave the time. */
const hhmm = (time: string) => timeOf(minutesOf(time));

export function presentClinic(r: ClinicRow): ClinicTemplate {
  return {
    id: r.id,
    name: r.name,
    specialty: r.specialty,
    clinician: r.clinician,
    weekday: r.weekday,
    start_time: hhmm(r.start_time),
    end_time: hhmm(r.end_time),
    slot_minutes: r.slot_minutes,
    new_slots: r.new_slots,
    capacity: capacityOf(r),
    valid_from: r.valid_from,
    valid_to: r.valid_to,
    cancelled_dates: [...r.cancelled_dates].sort(),
    version: r.version,
    created_at: iso(r.created_at)!,
    updated_at: iso(r.updated_at)!,
  };
}

export function presentSlot(r: SlotRow): Slot {
  return {
    id: r.id,
    clinic_id: r.clinic_id,
    date: r.date,
    start_time: r.start_time,
    end_time: r.end_time,
    kind: r.kind,
    // A live appointment wins: cancelling is refused while one holds the slot, and booking while cancelled.
    status: r.appointment_id ? 'booked' : r.cancelled ? 'cancelled' : 'free',
    appointment_id: r.appointment_id,
    version: r.version,
  };
}

export function presentAppointment(r: AppointmentRow, rttEventIds: readonly string[]): Appointment {
  return {
    id: r.id,
    slot_id: r.slot_id,
    clinic_id: r.clinic_id,
    date: r.date,
    start_time: r.start_time,
    kind: r.kind,
    pathway_id: r.pathway_id,
    patient_id: r.patient_id,
    patient_name: r.patient_name,
    booked_on: r.booked_on,
    communicated: r.communicated,
    status: r.status,
    outcome_date: r.outcome_date,
    clinic_outcome: r.clinic_outcome,
    discharge_date: r.discharge_date,
    rebooked_as: r.rebooked_as,
    rtt_event_ids: [...rttEventIds],
    version: r.version,
    created_at: iso(r.created_at)!,
    updated_at: iso(r.updated_at)!,
  };
}
