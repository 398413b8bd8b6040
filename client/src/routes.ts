import type { Component } from 'svelte';
import type { Role, User } from '$contract';
import { TRAINING_ROLES } from './lib/areas';
import { safeNext } from './lib/router.svelte';

/** A page's module, imported on demand (`() => import('./pages/…svelte')`). */
export type PageLoader<Props extends Record<string, string>> = () => Promise<{ default: Component<Props> }>;

/** `guest`: signed-out only (login, register); `user`: signed-in only; `any`: both. */
export type Access = 'guest' | 'user' | 'any';

/** The `:name` segments of a path pattern, as a union: `'/trackers/:module/:id'` → `'module' | 'id'`. */
export type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The props a route's page receives: one string per `:name` segment, already decoded. */
export type RouteParams<P extends string> = { [K in ParamNames<P>]: string };

interface RouteSpec<P extends string> {
  path: P;
  title: string;
  access: Access;
  /**
   * The page, loaded on first visit: each page is its own chunk, so the first load carries only the
   * page it shows. Must accept the path's params as props: `/ptl/:id` needs a page with `id: string`.
   */
  component: PageLoader<RouteParams<P>>;
  /** Signed-in users outside these roles see "no access" instead of the page. */
  roles?: readonly Role[];
  /** `bare`: the page alone, without the app's header and navigation (a list made for printing). */
  layout?: 'bare';
  /** `bare` for signed-out visitors: the page brings its own header (the landing page). */
  guestLayout?: 'bare';
}

export interface Route {
  path: string;
  title: string;
  access: Access;
  component: PageLoader<Record<string, string>>;
  roles?: readonly Role[];
  layout?: 'bare';
  guestLayout?: 'bare';
}

/** Checks, at compile time, that the page takes the path's params; the table then holds them alike. */
function route<P extends string>(spec: RouteSpec<P>): Route {
  return spec as unknown as Route;
}

export const ROUTES: readonly Route[] = [
  // Signed out: what the product is, the live board, sign up. Signed in: the dashboard.
  route({ path: '/', title: 'Home', access: 'any', component: () => import('./pages/home/HomePage.svelte'), guestLayout: 'bare' }),
  route({ path: '/login', title: 'Log in', access: 'guest', component: () => import('./pages/auth/LoginPage.svelte') }),
  route({ path: '/register', title: 'Create an account', access: 'guest', component: () => import('./pages/auth/RegisterPage.svelte') }),
  route({ path: '/forgot-password', title: 'Reset your password', access: 'any', component: () => import('./pages/auth/ForgotPasswordPage.svelte') }),
  route({ path: '/reset-password', title: 'Choose a new password', access: 'any', component: () => import('./pages/auth/ResetPasswordPage.svelte') }),
  // The board and a session's board view are public: anyone may look for a partner before signing up.
  route({ path: '/sessions', title: 'Practice sessions', access: 'any', component: () => import('./pages/sessions/SessionsPage.svelte') }),
  route({ path: '/sessions/new', title: 'Publish a session', access: 'user', component: () => import('./pages/sessions/PublishSessionPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/sessions/mine', title: 'My sessions', access: 'user', component: () => import('./pages/sessions/MySessionsPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/sessions/:id', title: 'Practice session', access: 'any', component: () => import('./pages/sessions/SessionPage.svelte') }),
  route({ path: '/sessions/:id/assessment', title: 'Assessment', access: 'user', component: () => import('./pages/assessment/AssessmentPage.svelte') }),
  // The live station for its two participants; the server answers anyone else with 404.
  route({ path: '/room/:token', title: 'Practice room', access: 'user', component: () => import('./pages/room/RoomPage.svelte'), layout: 'bare' }),
  route({ path: '/cases', title: 'Case library', access: 'user', component: () => import('./pages/cases/CasesPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/cases/new', title: 'Write a case', access: 'user', component: () => import('./pages/cases/CaseFormPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/cases/:id', title: 'Case', access: 'user', component: () => import('./pages/cases/CasePage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/cases/:id/edit', title: 'Edit case', access: 'user', component: () => import('./pages/cases/CaseFormPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/ptl', title: 'PTL', access: 'user', component: () => import('./pages/ptl/PtlPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/ptl/new', title: 'Add a pathway', access: 'user', component: () => import('./pages/ptl/PathwayFormPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/ptl/import', title: 'Import pathways', access: 'user', component: () => import('./pages/ptl/PtlImportPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/ptl/:id', title: 'Pathway', access: 'user', component: () => import('./pages/ptl/PathwayPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/ptl/:id/edit', title: 'Edit pathway', access: 'user', component: () => import('./pages/ptl/PathwayFormPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/cancer', title: 'Cancer', access: 'user', component: () => import('./pages/cancer/CancerPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/cancer/new', title: 'Add a cancer pathway', access: 'user', component: () => import('./pages/cancer/CancerFormPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/cancer/dashboard', title: 'Cancer dashboard', access: 'user', component: () => import('./pages/cancer/CancerDashboardPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/cancer/:id', title: 'Cancer pathway', access: 'user', component: () => import('./pages/cancer/CancerPathwayPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/cancer/:id/edit', title: 'Edit cancer pathway', access: 'user', component: () => import('./pages/cancer/CancerFormPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/mdt', title: 'MDT', access: 'user', component: () => import('./pages/mdt/MdtPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/mdt/new', title: 'Plan an MDT meeting', access: 'user', component: () => import('./pages/mdt/MeetingFormPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/mdt/coordinator', title: 'MDT coordinator', access: 'user', component: () => import('./pages/mdt/CoordinatorPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/mdt/:id', title: 'MDT meeting', access: 'user', component: () => import('./pages/mdt/MeetingPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/mdt/:id/edit', title: 'Edit MDT meeting', access: 'user', component: () => import('./pages/mdt/MeetingFormPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/mdt/:id/print', title: 'MDT meeting list', access: 'user', component: () => import('./pages/mdt/MeetingPrintPage.svelte'), layout: 'bare', roles: TRAINING_ROLES }),
  route({ path: '/booking', title: 'Booking', access: 'user', component: () => import('./pages/booking/BookingPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/booking/clinics/new', title: 'Set up a clinic', access: 'user', component: () => import('./pages/booking/ClinicFormPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/booking/clinics/:id', title: 'Clinic', access: 'user', component: () => import('./pages/booking/ClinicPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/booking/clinics/:id/edit', title: 'Edit clinic', access: 'user', component: () => import('./pages/booking/ClinicFormPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/booking/clinics/:id/day', title: 'Clinic day list', access: 'user', component: () => import('./pages/booking/ClinicDayPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/booking/book', title: 'Book an appointment', access: 'user', component: () => import('./pages/booking/BookPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/booking/appointments/:id', title: 'Appointment', access: 'user', component: () => import('./pages/booking/AppointmentPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/booking/capacity', title: 'Week capacity', access: 'user', component: () => import('./pages/booking/CapacityPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/booking/stats', title: 'Utilisation and DNA rates', access: 'user', component: () => import('./pages/booking/StatsPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/secretary', title: 'Secretary', access: 'user', component: () => import('./pages/secretary/SecretaryPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/secretary/new', title: 'Add a task', access: 'user', component: () => import('./pages/secretary/TaskFormPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/secretary/:id', title: 'Task', access: 'user', component: () => import('./pages/secretary/TaskPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/secretary/:id/edit', title: 'Edit task', access: 'user', component: () => import('./pages/secretary/TaskFormPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/quality', title: 'Data quality', access: 'user', component: () => import('./pages/quality/QualityPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/quality/validation', title: 'Validation queue', access: 'user', component: () => import('./pages/quality/ValidationQueuePage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/quality/audits/:id', title: 'Data-quality audit', access: 'user', component: () => import('./pages/quality/AuditPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/quality/findings/:id', title: 'Data-quality finding', access: 'user', component: () => import('./pages/quality/FindingPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/reports', title: 'Monthly RTT return', access: 'user', component: () => import('./pages/reports/RttReturnPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/trackers', title: 'Trackers', access: 'user', component: () => import('./pages/trackers/TrackersPage.svelte'), roles: TRAINING_ROLES }),
  // Every tracker the server defines, from its definition: `new` is tried before `:id`.
  route({ path: '/trackers/:module', title: 'Tracker', access: 'user', component: () => import('./pages/trackers/TrackerListPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/trackers/:module/new', title: 'Add to tracker', access: 'user', component: () => import('./pages/trackers/TrackerFormPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/trackers/:module/:id', title: 'Tracker entry', access: 'user', component: () => import('./pages/trackers/TrackerItemPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/trackers/:module/:id/edit', title: 'Edit tracker entry', access: 'user', component: () => import('./pages/trackers/TrackerFormPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/records', title: 'Records', access: 'user', component: () => import('./pages/records/RecordsPage.svelte') }),
  route({ path: '/portfolio', title: 'Portfolio', access: 'user', component: () => import('./pages/portfolio/PortfolioPage.svelte'), roles: TRAINING_ROLES }),
  route({ path: '/admin', title: 'Admin', access: 'user', component: () => import('./pages/admin/AdminPage.svelte'), roles: ['admin'] }),
  route({ path: '/admin/trainees/:id', title: 'Trainee portfolio', access: 'user', component: () => import('./pages/admin/TraineePortfolioPage.svelte'), roles: ['admin'] }),
  route({ path: '/profile', title: 'Profile', access: 'user', component: () => import('./pages/profile/ProfilePage.svelte') }),
];

export const NOT_FOUND: Route = route({ path: '*', title: 'Page not found', access: 'any', component: () => import('./pages/errors/NotFoundPage.svelte') });

export interface RouteMatch {
  route: Route;
  /** The path's `:name` segments, decoded: handed to the page as props. */
  params: Record<string, string>;
}

export function matchRoute(path: string): RouteMatch {
  const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const exact = ROUTES.find((r) => r.path === normalised);
  if (exact) return { route: exact, params: {} };
  for (const r of ROUTES) {
    if (!r.path.includes(':')) continue;
    const params = routeParams(r.path, normalised);
    if (params) return { route: r, params };
  }
  return { route: NOT_FOUND, params: {} };
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
