// The domains of the app, in the order they are built and mounted (registry.ts says what a domain
// definition holds). A domain whose services use another's comes after it: sessions after
// assessments, admin after portfolio, cases after admin. Adding a domain is one import and one line.
import { accountsDomain } from './accounts/providers.js';
import { adminDomain } from './admin/providers.js';
import { assessmentsDomain } from './assessments/providers.js';
import { bookingDomain } from './booking/providers.js';
import { cancerDomain } from './cancer/providers.js';
import { casesDomain } from './cases/providers.js';
import { mdtDomain } from './mdt/providers.js';
import { portfolioDomain } from './portfolio/providers.js';
import { profilesDomain } from './profiles/providers.js';
import { qualityDomain } from './quality/providers.js';
import { ptlDomain } from './ptl/providers.js';
import { recordsDomain } from './records/providers.js';
import { reportsDomain } from './reports/providers.js';
import type { DomainDefinition } from './registry.js';
import { secretaryDomain } from './secretary/providers.js';
import { sessionsDomain } from './sessions/providers.js';
import { trackersDomain } from './trackers/providers.js';
import { trailDomain } from './trail/providers.js';

export const domains: readonly DomainDefinition[] = [
  accountsDomain,
  profilesDomain,
  ptlDomain,
  reportsDomain,
  bookingDomain,
  cancerDomain,
  mdtDomain,
  qualityDomain,
  recordsDomain,
  assessmentsDomain,
  sessionsDomain,
  portfolioDomain,
  adminDomain,
  casesDomain,
  trackersDomain,
  secretaryDomain,
  trailDomain,
];
