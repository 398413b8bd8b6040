import type { TrainingLevel } from '../../contract/accounts.js';
import type { Queryable } from '../../db/types.js';

export interface ProfileRow {
  user_id: string;
  first_name: string;
  last_name: string;
  training_level: TrainingLevel;
  avatar: string | null;
  version: number;
  updated_at: Date;
}

const COLUMNS = 'user_id, first_name, last_name, training_level, avatar, version, updated_at';
export const EDITABLE_PROFILE_FIELDS = ['first_name', 'last_name', 'training_level', 'avatar'] as const;
export type ProfileChanges = Partial<Record<(typeof EDITABLE_PROFILE_FIELDS)[number], string | null>>;

export async function findProfile(tx: Queryable, userId: string): Promise<ProfileRow | null> {
  const { rows } = await tx.query<ProfileRow>(`select ${COLUMNS} from public.profiles where user_id = $1`, [userId]);
  return rows[0] ?? null;
}

/**
 * Updates the caller's own row (RLS decides which that is); with `expectedVersion` only if nobody
 * changed it since. Returns null when no row matched.
 */
export async function updateOwnProfile(tx: Queryable, changes: ProfileChanges, expectedVersion: number | undefined): Promise<ProfileRow | null> {
  const fields = EDITABLE_PROFILE_FIELDS.filter((f) => changes[f] !== undefined);
  const params: unknown[] = fields.map((f) => changes[f]);
  const sets = fields.map((f, i) => `${f} = $${i + 1}`);
  let where = 'user_id = (select auth.uid())';
  if (expectedVersion !== undefined) {
    params.push(expectedVersion);
    where += ` and version = $${params.length}`;
  }
  const { rows } = await tx.query<ProfileRow>(`update public.profiles set ${sets.join(', ')} where ${where} returning ${COLUMNS}`, params);
  return rows[0] ?? null;
}

/** The whole row, for the personal-data export. */
export async function findProfileRecord(tx: Queryable, userId: string): Promise<(ProfileRow & { created_at: Date }) | null> {
  const { rows } = await tx.query<ProfileRow & { created_at: Date }>(`select ${COLUMNS}, created_at from public.profiles where user_id = $1`, [userId]);
  return rows[0] ?? null;
}
