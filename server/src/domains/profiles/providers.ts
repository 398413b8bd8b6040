// What the profiles domain adds to the app: public profiles and the caller's own under
// /api/profiles, and the profile's part of the documents about a person.
import { defineDomain } from '../registry.js';
import { findProfile, findProfileRecord } from './repo.js';
import { profilesRoutes } from './routes.js';
import { createProfilesService, type ProfilesService } from './service.js';

declare module '../registry.js' {
  interface DomainServices {
    profiles: ProfilesService;
  }
}

export const profilesDomain = defineDomain({
  name: 'profiles',
  services: ({ db }) => createProfilesService({ db }),
  mounts: [{ path: '/profiles', routes: ({ profiles }) => profilesRoutes({ profiles }) }],
  providers: () => ({
    async exportFor(tx, userId) {
      const p = await findProfileRecord(tx, userId);
      return {
        profile: p && {
          first_name: p.first_name,
          last_name: p.last_name,
          training_level: p.training_level,
          avatar: p.avatar,
          version: p.version,
          created_at: p.created_at.toISOString(),
          updated_at: p.updated_at.toISOString(),
        },
      };
    },
    async portfolioFacts(tx, userId) {
      const p = await findProfile(tx, userId);
      return p ? { profile: { first_name: p.first_name, last_name: p.last_name, training_level: p.training_level } } : {};
    },
  }),
});
