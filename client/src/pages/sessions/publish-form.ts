import { TIMING_PRESETS, type Preset, type SessionCreateInput, type SessionRole } from '$contract';
import { localInputToIso } from './format';
import type { PathIssue } from './session-form-state.svelte';
import type { SessionType } from './labels';

/** The publish form's values, as the inputs hold them. */
export interface PublishValues {
  /** `datetime-local`: the viewer's wall clock. */
  when: string;
  type: string;
  host_role: SessionRole;
  case_id: string;
  preset: string;
  /** Custom timings as typed: `m:ss` or seconds. */
  reading: string;
  consultation: string;
  feedback: string;
  warning: string;
}

/** Every path the publish form shows an error beside. */
export const PUBLISH_PATHS = [
  'datetime_utc',
  'type',
  'host_role',
  'case_id',
  'preset',
  'timing',
  'timing.reading_s',
  'timing.consultation_s',
  'timing.feedback_s',
  'timing.warning_s',
] as const;

/** `90` → `1:30`. */
export function formatClock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function emptyValues(): PublishValues {
  const start = TIMING_PRESETS.plab2;
  return {
    when: '',
    type: 'mock',
    host_role: 'candidate',
    case_id: '',
    preset: 'plab2',
    reading: formatClock(start.reading_s),
    consultation: formatClock(start.consultation_s),
    feedback: formatClock(start.feedback_s),
    warning: formatClock(start.warning_s),
  };
}

/** `8:00` or `480` → 480; '' → null; anything else → NaN. */
export function parseClock(text: string): number | null {
  const value = text.trim();
  if (value === '') return null;
  if (/^\d{1,5}$/.test(value)) return Number(value);
  const match = /^(\d{1,3}):([0-5]\d)$/.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
}

const CLOCK_HELP = 'Use minutes and seconds, e.g. 8:00, or seconds, e.g. 480';

/** The request body as typed, and what the schema cannot say about the raw inputs. */
export function toCreateInput(values: PublishValues): { input: SessionCreateInput; issues: PathIssue[] } {
  const issues: PathIssue[] = [];
  const datetime = localInputToIso(values.when);
  if (values.when.trim() === '') issues.push({ path: 'datetime_utc', message: 'Choose a date and time' });
  else if (datetime === null) issues.push({ path: 'datetime_utc', message: 'Enter a date and a time, e.g. 01/12/2026 18:30' });

  const input: SessionCreateInput = {
    datetime_utc: datetime ?? '',
    type: values.type as SessionType,
    host_role: values.host_role,
    case_id: values.host_role === 'actor' && values.case_id ? values.case_id : null,
    preset: values.preset as Preset,
  };

  if (values.preset === 'custom') {
    const read = (text: string, path: string, required: boolean): number | null => {
      const seconds = parseClock(text);
      if (seconds === null) {
        if (required) issues.push({ path, message: 'Enter a time' });
        return required ? 0 : null;
      }
      if (Number.isNaN(seconds)) {
        issues.push({ path, message: CLOCK_HELP });
        return 0;
      }
      return seconds;
    };
    const timing = {
      reading_s: read(values.reading, 'timing.reading_s', true) ?? 0,
      consultation_s: read(values.consultation, 'timing.consultation_s', true) ?? 0,
      feedback_s: read(values.feedback, 'timing.feedback_s', true) ?? 0,
      warning_s: read(values.warning, 'timing.warning_s', false),
    };
    // The contract's limits, in words that fit these inputs.
    const over = (seconds: number, max: number, path: string, what: string) => {
      if (seconds > max && !issues.some((i) => i.path === path)) issues.push({ path, message: `${what} can be at most ${max / 60} minutes` });
    };
    over(timing.reading_s, 1800, 'timing.reading_s', 'Reading time');
    over(timing.consultation_s, 3600, 'timing.consultation_s', 'The consultation');
    over(timing.feedback_s, 3600, 'timing.feedback_s', 'Feedback');
    if (timing.consultation_s < 60 && !issues.some((i) => i.path === 'timing.consultation_s')) {
      issues.push({ path: 'timing.consultation_s', message: 'The consultation must last at least 1 minute' });
    }
    if (timing.warning_s !== null && timing.warning_s >= timing.consultation_s && !issues.some((i) => i.path === 'timing.warning_s')) {
      issues.push({ path: 'timing.warning_s', message: 'The warning must come before the end of the consultation' });
    }
    input.timing = timing;
  }
  return { input, issues };
}
