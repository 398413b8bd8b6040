import type { DiscussionKind } from '$contract';

/** The MDT pages' words for the contract's codes (roles and meeting statuses come with the contract). */

export const DISCUSSION_LABELS: Record<DiscussionKind, string> = {
  full: 'Full discussion',
  standard_of_care: 'Standard of care (listed, not discussed)',
};

/** For badges and the printed list. */
export const DISCUSSION_SHORT: Record<DiscussionKind, string> = {
  full: 'Full',
  standard_of_care: 'Standard of care',
};

/** ECOG / WHO performance status, as an MDT records it. */
export const PERFORMANCE_STATUS_LABELS: Record<0 | 1 | 2 | 3 | 4, string> = {
  0: '0 – fully active',
  1: '1 – restricted in strenuous activity, can do light work',
  2: '2 – up and about over half the day, cannot work',
  3: '3 – in bed or a chair over half the day, limited self-care',
  4: '4 – completely disabled, no self-care',
};
