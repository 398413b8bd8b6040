import { z } from 'zod';
import { PageQuerySchema } from './pagination.js';
import { DATE_MAX, DATE_MIN, Text } from './primitives.js';

/**
 * The commissioner report: the monthly RTT return of incomplete pathways (API-modules.md,
 * "Commissioner report"; nhs-waiting-times.md §1.7, §1.8). Counted at the month's census date (its
 * last day; today while the month is still running, marked provisional).
 */

/** A calendar month, `YYYY-MM`, within the product's date range. */
export const MonthSchema = Text.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Use the month format YYYY-MM' }).refine(
  (m) => m >= DATE_MIN.slice(0, 7) && m <= DATE_MAX.slice(0, 7),
  { message: `Use a month between ${DATE_MIN.slice(0, 7)} and ${DATE_MAX.slice(0, 7)}` },
);

/** `GET /api/reports/rtt-incomplete(.csv)?month=YYYY-MM`; without `month`, the current month. */
export const RttReturnQuerySchema = z.strictObject({ month: MonthSchema.optional() });
export type RttReturnQuery = z.output<typeof RttReturnQuerySchema>;

/** `GET /api/reports/rtt-incomplete/history` (an extension): the returns the caller produced, newest first. */
export const RttReturnHistoryQuerySchema = PageQuerySchema.strict();
export type RttReturnHistoryQuery = z.output<typeof RttReturnHistoryQuerySchema>;

/** The return's figures for one treatment function, or for all of them (`total`). */
export interface RttReturnFigures {
  total: number;
  /** Waits of at most 126 days (18 weeks exactly is still within). */
  within_18_weeks: number;
  /** `within_18_weeks / total` as a percentage with one decimal (as the PTL's stats); null when there is no pathway. */
  percent_within_18: number | null;
  /** Waits of more than 52 weeks: 365 days and over. */
  over_52_weeks: number;
  /** One count per band of `bands`, in that order. */
  counts: number[];
}

export interface RttReturnRow extends RttReturnFigures {
  treatment_function_code: string;
  treatment_function: string;
}

export interface RttReturn {
  month: string;
  census_date: string;
  /** The current month, counted at today: its figures will change until the month ends. */
  provisional: boolean;
  /** The 105 monthly-return bands: "0-1", ">1-2" … ">103-104", "104+". */
  bands: string[];
  /** Treatment functions with at least one incomplete pathway, in code order. */
  rows: RttReturnRow[];
  total: RttReturnFigures;
}

/** One return the caller produced (the history, the export, the portfolio's count). */
export interface RttReturnRecord {
  id: string;
  month: string;
  census_date: string;
  provisional: boolean;
  total: number;
  within_18_weeks: number;
  over_52_weeks: number;
  produced_at: string;
}
