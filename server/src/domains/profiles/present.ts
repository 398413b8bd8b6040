import type { OwnProfile, PublicProfile } from '../../contract/accounts.js';
import type { ProfileRow } from './repo.js';

export function presentPublicProfile(p: ProfileRow): PublicProfile {
  return { user_id: p.user_id, first_name: p.first_name, last_name: p.last_name, training_level: p.training_level, avatar: p.avatar };
}

export function presentOwnProfile(p: ProfileRow): OwnProfile {
  return { ...presentPublicProfile(p), version: p.version, updated_at: p.updated_at.toISOString() };
}
