/** The report pages' names for the contract's shapes (`server/src/contract/reports.ts`). */
export type { RttReturn, RttReturnRecord, RttReturnRow } from '$contract';
