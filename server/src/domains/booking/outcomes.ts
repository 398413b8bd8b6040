/**
 * What a booking change means on the patient's RTT pathway: the PTL events it writes (the
 * contract's table, `/api/booking`), and the date rules of an outcome. Pure: no I/O, no clock. The
 * PTL engine (ptl/clock.ts) then decides what the events do to the clock and explains it; this
 * only says which events, on which dates, carrying which note.
 *
 * | change                                   | events (date)                                                   |
 * |------------------------------------------|-----------------------------------------------------------------|
 * | booked while the clock is nullified      | rebooked_after_dna (booked_on)                                  |
 * | attended                                 | outpatient_attended (slot date) + the clinic outcome's, if any  |
 * | dna, new slot                            | first_appointment_dna (slot date, communicated as booked)       |
 * | dna, follow-up slot                      | later_appointment_dna (slot date)                               |
 * | dna with discharge_date                  | + discharged_after_dna (discharge_date)                         |
 * | patient_cancelled / hospital_cancelled   | the same type (outcome_date): never a DNA, never a stop         |
 */
import type { AppointmentOutcome, AppointmentOutcomeInput, ClinicOutcome, SlotKind } from '../../contract/booking.js';
import type { ErrorDetail } from '../../contract/errors.js';
import type { ClockState, PtlEventType } from '../../contract/ptl.js';

/** An RTT event to record, with the request field its date came from (named in a 400 if the PTL refuses the date). */
export interface PlannedEvent {
  event_type: PtlEventType;
  event_date: string;
  appointment_communicated: boolean;
  note: string;
  field: string;
}

/** The note every event of an appointment carries: how the appointment finds its events again. */
export const bookingNote = (appointmentId: string) => `booking:${appointmentId}`;

/**
 * The event a booking itself writes. It belongs to the booking, not to an outcome: undoing an
 * outcome keeps it; deleting the (still booked) appointment removes it.
 */
export const BOOKING_EVENT_TYPES: readonly PtlEventType[] = ['rebooked_after_dna'];

/** The second event an attendance writes, by what the clinician decided (follow-up: none, the clock runs). */
export const CLINIC_OUTCOME_EVENTS: Record<ClinicOutcome, PtlEventType | null> = {
  follow_up: null,
  decision_to_admit: 'decision_to_admit',
  treatment_started: 'treatment_outpatient',
  active_monitoring_patient: 'active_monitoring_patient',
  active_monitoring_clinician: 'active_monitoring_clinician',
  no_treatment_needed: 'decision_not_to_treat',
  patient_declined_treatment: 'patient_declined_treatment',
};

export interface BookedAppointment {
  id: string;
  /** The slot's date. */
  date: string;
  kind: SlotKind;
  booked_on: string;
  communicated: boolean;
}

/**
 * A booking made while the pathway's clock is nullified (after a first-appointment DNA) restarts
 * it at zero from `booked_on`, the day the patient rebooked (§1.5); any other booking writes nothing.
 */
export function bookingEvents(a: Pick<BookedAppointment, 'id' | 'booked_on'>, clock: ClockState, field = 'booked_on'): PlannedEvent[] {
  if (clock !== 'nullified') return [];
  return [{ event_type: 'rebooked_after_dna', event_date: a.booked_on, appointment_communicated: true, note: bookingNote(a.id), field }];
}

/** An outcome with its dates settled: what is stored on the appointment. */
export interface SettledOutcome {
  status: AppointmentOutcome;
  outcome_date: string;
  clinic_outcome: ClinicOutcome | null;
  discharge_date: string | null;
}

type OutcomeRequest = Pick<AppointmentOutcomeInput, 'outcome' | 'outcome_date' | 'clinic_outcome' | 'discharge_date'>;

/**
 * Settles an outcome's dates against the appointment and today, or says what is wrong, field by
 * field. An attendance or a DNA happened on the slot's day, so that day must have come and is the
 * outcome date; a cancellation is dated the day it was made (default today), between the booking
 * and the appointment, and never in the future.
 */
export function settleOutcome(a: BookedAppointment, input: OutcomeRequest, today: string): { outcome: SettledOutcome } | { problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const { outcome } = input;
  const happened = outcome === 'attended' || outcome === 'dna';
  if (input.clinic_outcome !== undefined && outcome !== 'attended') {
    problems.push({ path: 'clinic_outcome', message: 'A clinic outcome is recorded only for an attended appointment' });
  }
  if (input.discharge_date !== undefined && outcome !== 'dna') {
    problems.push({ path: 'discharge_date', message: 'A discharge under the DNA policy follows a DNA only' });
  }
  let outcomeDate: string;
  if (happened) {
    outcomeDate = a.date;
    if (a.date > today) problems.push({ path: 'outcome', message: `The appointment is on ${a.date}: whether the patient attended is known from that day` });
    if (input.outcome_date !== undefined && input.outcome_date !== a.date) {
      problems.push({ path: 'outcome_date', message: `An attendance or a DNA is dated the appointment's day, ${a.date}` });
    }
    if (input.discharge_date !== undefined && outcome === 'dna') {
      if (input.discharge_date < a.date) problems.push({ path: 'discharge_date', message: `The discharge cannot be before the missed appointment on ${a.date}` });
      else if (input.discharge_date > today) problems.push({ path: 'discharge_date', message: 'The discharge date cannot be in the future' });
    }
  } else {
    outcomeDate = input.outcome_date ?? today;
    if (outcomeDate > today) problems.push({ path: 'outcome_date', message: 'The cancellation date cannot be in the future' });
    else if (outcomeDate > a.date) {
      problems.push({ path: 'outcome_date', message: `A cancellation is made by the appointment's day, ${a.date}; after it, record an attendance or a DNA` });
    } else if (outcomeDate < a.booked_on) problems.push({ path: 'outcome_date', message: `The appointment was booked on ${a.booked_on}; it cannot be cancelled earlier` });
  }
  if (problems.length > 0) return { problems };
  return {
    outcome: {
      status: outcome,
      outcome_date: outcomeDate,
      clinic_outcome: outcome === 'attended' ? (input.clinic_outcome ?? null) : null,
      discharge_date: outcome === 'dna' ? (input.discharge_date ?? null) : null,
    },
  };
}

/** The RTT events of a settled outcome, per the contract's table. */
export function outcomeEvents(a: BookedAppointment, o: SettledOutcome, cancellationField = 'outcome_date'): PlannedEvent[] {
  const note = bookingNote(a.id);
  const event = (event_type: PtlEventType, event_date: string, field: string, appointment_communicated = true): PlannedEvent => ({
    event_type,
    event_date,
    appointment_communicated,
    note,
    field,
  });
  switch (o.status) {
    case 'attended': {
      const decided = o.clinic_outcome ? CLINIC_OUTCOME_EVENTS[o.clinic_outcome] : null;
      return [event('outpatient_attended', a.date, 'outcome'), ...(decided ? [event(decided, a.date, 'clinic_outcome')] : [])];
    }
    case 'dna': {
      // Whether a first-appointment DNA nullifies the clock (routine/urgent, communicated, nothing
      // attended before) is the PTL engine's decision; here the slot says whether it was a first one.
      const missed =
        a.kind === 'new' ? event('first_appointment_dna', a.date, 'outcome', a.communicated) : event('later_appointment_dna', a.date, 'outcome', a.communicated);
      return [missed, ...(o.discharge_date ? [event('discharged_after_dna', o.discharge_date, 'discharge_date')] : [])];
    }
    case 'patient_cancelled':
    case 'hospital_cancelled':
      return [event(o.status, o.outcome_date, cancellationField)];
  }
}
