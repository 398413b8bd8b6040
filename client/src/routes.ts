import type { Component } from 'svelte';
import type { Role, User } from '$contract';
import AdminPage from './pages/admin/AdminPage.svelte';
import TraineePortfolioPage from './pages/admin/TraineePortfolioPage.svelte';
import AssessmentPage from './pages/assessment/AssessmentPage.svelte';
import ForgotPasswordPage from './pages/auth/ForgotPasswordPage.svelte';
import LoginPage from './pages/auth/LoginPage.svelte';
import RegisterPage from './pages/auth/RegisterPage.svelte';
import ResetPasswordPage from './pages/auth/ResetPasswordPage.svelte';
import BookingPage from './pages/booking/BookingPage.svelte';
import CancerPage from './pages/cancer/CancerPage.svelte';
import CaseFormPage from './pages/cases/CaseFormPage.svelte';
import CasePage from './pages/cases/CasePage.svelte';
import CasesPage from './pages/cases/CasesPage.svelte';
import DashboardPage from './pages/dashboard/DashboardPage.svelte';
import NotFoundPage from './pages/errors/NotFoundPage.svelte';
import MdtPage from './pages/mdt/MdtPage.svelte';
import PortfolioPage from './pages/portfolio/PortfolioPage.svelte';
import ProfilePage from './pages/profile/ProfilePage.svelte';
import PathwayFormPage from './pages/ptl/PathwayFormPage.svelte';
import PathwayPage from './pages/ptl/PathwayPage.svelte';
import PtlImportPage from './pages/ptl/PtlImportPage.svelte';
import PtlPage from './pages/ptl/PtlPage.svelte';
import QualityPage from './pages/quality/QualityPage.svelte';
import RecordsPage from './pages/records/RecordsPage.svelte';
import RoomPage from './pages/room/RoomPage.svelte';
import SecretaryPage from './pages/secretary/SecretaryPage.svelte';
import MySessionsPage from './pages/sessions/MySessionsPage.svelte';
import PublishSessionPage from './pages/sessions/PublishSessionPage.svelte';
import SessionPage from './pages/sessions/SessionPage.svelte';
import SessionsPage from './pages/sessions/SessionsPage.svelte';
import TrackersPage from './pages/trackers/TrackersPage.svelte';
import { safeNext } from './lib/router.svelte';

/** `guest`: signed-out only (login, register); `user`: signed-in only; `any`: both. */
export type Access = 'guest' | 'user' | 'any';

export interface Route {
  path: string;
  title: string;
  access: Access;
  component: Component;
  /** Signed-in users outside these roles see "no access" instead of the page. */
  roles?: readonly Role[];
}

export const ROUTES: readonly Route[] = [
  { path: '/', title: 'Home', access: 'user', component: DashboardPage },
  { path: '/login', title: 'Log in', access: 'guest', component: LoginPage },
  { path: '/register', title: 'Create an account', access: 'guest', component: RegisterPage },
  { path: '/forgot-password', title: 'Reset your password', access: 'any', component: ForgotPasswordPage },
  { path: '/reset-password', title: 'Choose a new password', access: 'any', component: ResetPasswordPage },
  // The board and a session's board view are public: anyone may look for a partner before signing up.
  { path: '/sessions', title: 'Practice sessions', access: 'any', component: SessionsPage },
  { path: '/sessions/new', title: 'Publish a session', access: 'user', component: PublishSessionPage },
  { path: '/sessions/mine', title: 'My sessions', access: 'user', component: MySessionsPage },
  { path: '/sessions/:id', title: 'Practice session', access: 'any', component: SessionPage },
  { path: '/sessions/:id/assessment', title: 'Assessment', access: 'user', component: AssessmentPage },
  // The live station for its two participants; the server answers anyone else with 404.
  { path: '/room/:token', title: 'Practice room', access: 'user', component: RoomPage },
  { path: '/cases', title: 'Case library', access: 'user', component: CasesPage },
  { path: '/cases/new', title: 'Write a case', access: 'user', component: CaseFormPage },
  { path: '/cases/:id', title: 'Case', access: 'user', component: CasePage },
  { path: '/cases/:id/edit', title: 'Edit case', access: 'user', component: CaseFormPage },
  { path: '/ptl', title: 'PTL', access: 'user', component: PtlPage },
  { path: '/ptl/new', title: 'Add a pathway', access: 'user', component: PathwayFormPage },
  { path: '/ptl/import', title: 'Import pathways', access: 'user', component: PtlImportPage },
  { path: '/ptl/:id', title: 'Pathway', access: 'user', component: PathwayPage },
  { path: '/ptl/:id/edit', title: 'Edit pathway', access: 'user', component: PathwayFormPage },
  { path: '/cancer', title: 'Cancer', access: 'user', component: CancerPage },
  { path: '/mdt', title: 'MDT', access: 'user', component: MdtPage },
  { path: '/booking', title: 'Booking', access: 'user', component: BookingPage },
  { path: '/secretary', title: 'Secretary', access: 'user', component: SecretaryPage },
  { path: '/quality', title: 'Data quality', access: 'user', component: QualityPage },
  { path: '/trackers', title: 'Trackers', access: 'user', component: TrackersPage },
  { path: '/records', title: 'Records', access: 'user', component: RecordsPage },
  { path: '/portfolio', title: 'Portfolio', access: 'user', component: PortfolioPage },
  { path: '/admin', title: 'Admin', access: 'user', component: AdminPage, roles: ['admin'] },
  { path: '/admin/trainees/:id', title: 'Trainee portfolio', access: 'user', component: TraineePortfolioPage, roles: ['admin'] },
  { path: '/profile', title: 'Profile', access: 'user', component: ProfilePage },
];

export const NOT_FOUND: Route = { path: '*', title: 'Page not found', access: 'any', component: NotFoundPage };

export function matchRoute(path: string): Route {
  const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return (
    ROUTES.find((r) => r.path === normalised) ??
    ROUTES.find((r) => r.path.includes(':') && routeParams(r.path, normalised) !== null) ??
    NOT_FOUND
  );
}

/** The `:name` segments of `pattern` as found in `path` (e.g. `/ptl/:id`), or null when it does not fit. */
export function routeParams(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const have = (path.length > 1 ? path.replace(/\/+$/, '') : path).split('/');
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const h = have[i] ?? '';
    if (w.startsWith(':')) {
      if (!h) return null;
      try {
        params[w.slice(1)] = decodeURIComponent(h);
      } catch {
        return null;
      }
    } else if (w !== h) {
      return null;
    }
  }
  return params;
}

/** Where the guard sends someone who may not see `route`, or null to show it. */
export function redirectFor(route: Route, user: User | null, location: { path: string; search: string }): string | null {
  if (route.access === 'user' && !user) {
    const here = location.path + location.search;
    return here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`;
  }
  if (route.access === 'guest' && user) {
    return safeNext(new URLSearchParams(location.search).get('next')) ?? '/';
  }
  return null;
}

export function mayView(route: Route, user: User | null): boolean {
  return !route.roles || (user !== null && route.roles.includes(user.role));
}
