import type { z } from 'zod';
import type { OwnProfile, ProfileUpdateSchema, PublicProfile } from '../../contract/accounts.js';
import type { Db } from '../../db/types.js';
import { conflict, notFound, validationFailed } from '../../errors.js';
import type { AuthContext } from '../../auth/context.js';
import { presentOwnProfile, presentPublicProfile } from './present.js';
import { EDITABLE_PROFILE_FIELDS, findProfile, updateOwnProfile } from './repo.js';

export type ProfilesService = ReturnType<typeof createProfilesService>;

export function createProfilesService({ db }: { db: Db }) {
  return {
    /** Anyone, signed in or not, may read a public profile; it runs as the viewer's role all the same. */
    async getPublic(viewer: AuthContext | undefined, userId: string): Promise<PublicProfile> {
      const read = (tx: Parameters<Parameters<Db['asAnon']>[0]>[0]) => findProfile(tx, userId);
      const row = viewer ? await db.asUser(viewer.claims, read) : await db.asAnon(read);
      if (!row) throw notFound('No such profile');
      return presentPublicProfile(row);
    },

    async getOwn(auth: AuthContext): Promise<OwnProfile | null> {
      const row = await db.asUser(auth.claims, (tx) => findProfile(tx, auth.account.id));
      return row ? presentOwnProfile(row) : null;
    },

    /** Applies the changes if `version` (when sent) is still current; `409` if someone got there first. */
    async updateOwn(auth: AuthContext, input: z.output<typeof ProfileUpdateSchema>): Promise<OwnProfile> {
      const { version, ...changes } = input;
      if (!EDITABLE_PROFILE_FIELDS.some((f) => changes[f] !== undefined)) {
        throw validationFailed('Nothing to update', [{ path: '', message: `Send at least one of ${EDITABLE_PROFILE_FIELDS.join(', ')}` }]);
      }
      return db.asUser(auth.claims, async (tx) => {
        const row = await updateOwnProfile(tx, changes, version);
        if (row) return presentOwnProfile(row);
        if (await findProfile(tx, auth.account.id)) throw conflict('Your profile was changed elsewhere; reload and try again');
        throw notFound('No profile yet');
      });
    },
  };
}
