/** The data-quality pages' names for the contract's shapes (`server/src/contract/quality.ts`). */
import { QUALITY_RULE_NAMES } from '$contract';

export type {
  AuditCreateInput,
  FindingStatus,
  FindingUpdateInput,
  PathwayValidation as Validation,
  QualityAudit as Audit,
  QualityFinding as Finding,
  QualityFindingDetail as FindingDetail,
  QualityRule,
  QualityScorePoint as ScorePoint,
  ValidationCreateInput,
  ValidationKind,
  ValidationOutcome,
  ValidationQueueItem,
} from '$contract';
export { FINDING_STATUSES, VALIDATION_KINDS, VALIDATION_OUTCOMES } from '$contract';

/** The rule codes, in the contract's order. */
export const RULE_CODES = QUALITY_RULE_NAMES;
