import { TRAINING_LEVELS, TRAINING_LEVEL_LABELS } from '$contract';

/**
 * The training-level choices of the sign-up and profile forms. Not in `labels.ts`: the app shell
 * imports that module on every page, and this list would bring the contract's accounts module and
 * its schemas (and zod) into the first load of pages that never show it.
 */
export const TRAINING_LEVEL_OPTIONS = TRAINING_LEVELS.map((value) => ({ value, label: TRAINING_LEVEL_LABELS[value] }));
