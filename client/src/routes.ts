import type { Component } from 'svelte';
import type { Role, User } from '$contract';
import AdminPage from './pages/admin/AdminPage.svelte';
import TraineePortfolioPage from './pages/admin/TraineePortfolioPage.svelte';
import AssessmentPage from './pages/assessment/AssessmentPage.svelte';
import ForgotPasswordPage from './pages/auth/ForgotPasswordPage.svelte';
import LoginPage from './pages/auth/LoginPage.svelte';
import RegisterPage from './pages/auth/RegisterPage.svelte';
import ResetPasswordPage from './pages/auth/ResetPasswordPage.svelte';
import AppointmentPage from './pages/booking/AppointmentPage.svelte';
import BookingPage from './pages/booking/BookingPage.svelte';
import BookPage from './pages/booking/BookPage.svelte';
import CapacityPage from './pages/booking/CapacityPage.svelte';
import ClinicDayPage from './pages/booking/ClinicDayPage.svelte';
import ClinicFormPage from './pages/booking/ClinicFormPage.svelte';
import ClinicPage from './pages/booking/ClinicPage.svelte';
import BookingStatsPage from './pages/booking/StatsPage.svelte';
import CancerDashboardPage from './pages/cancer/CancerDashboardPage.svelte';
import CancerFormPage from './pages/cancer/CancerFormPage.svelte';
import CancerPage from './pages/cancer/CancerPage.svelte';
import CancerPathwayPage from './pages/cancer/CancerPathwayPage.svelte';
import CaseFormPage from './pages/cases/CaseFormPage.svelte';
import CasePage from './pages/cases/CasePage.svelte';
import CasesPage from './pages/cases/CasesPage.svelte';
import DashboardPage from './pages/dashboard/DashboardPage.svelte';
import NotFoundPage from './pages/errors/NotFoundPage.svelte';
import CoordinatorPage from './pages/mdt/CoordinatorPage.svelte';
import MdtPage from './pages/mdt/MdtPage.svelte';
import MeetingFormPage from './pages/mdt/MeetingFormPage.svelte';
import MeetingPage from './pages/mdt/MeetingPage.svelte';
import MeetingPrintPage from './pages/mdt/MeetingPrintPage.svelte';
import PortfolioPage from './pages/portfolio/PortfolioPage.svelte';
import ProfilePage from './pages/profile/ProfilePage.svelte';
import PathwayFormPage from './pages/ptl/PathwayFormPage.svelte';
import PathwayPage from './pages/ptl/PathwayPage.svelte';
import PtlImportPage from './pages/ptl/PtlImportPage.svelte';
import PtlPage from './pages/ptl/PtlPage.svelte';
import RecordsPage from './pages/records/RecordsPage.svelte';
import AuditPage from './pages/quality/AuditPage.svelte';
import FindingPage from './pages/quality/FindingPage.svelte';
import QualityPage from './pages/quality/QualityPage.svelte';
import ValidationQueuePage from './pages/quality/ValidationQueuePage.svelte';
import RttReturnPage from './pages/reports/RttReturnPage.svelte';
import RoomPage from './pages/room/RoomPage.svelte';
import SecretaryPage from './pages/secretary/SecretaryPage.svelte';
import MySessionsPage from './pages/sessions/MySessionsPage.svelte';
import PublishSessionPage from './pages/sessions/PublishSessionPage.svelte';
import SessionPage from './pages/sessions/SessionPage.svelte';
import SessionsPage from './pages/sessions/SessionsPage.svelte';
import TaskFormPage from './pages/secretary/TaskFormPage.svelte';
import TaskPage from './pages/secretary/TaskPage.svelte';
import TrackerFormPage from './pages/trackers/TrackerFormPage.svelte';
import TrackerItemPage from './pages/trackers/TrackerItemPage.svelte';
import TrackerListPage from './pages/trackers/TrackerListPage.svelte';
import TrackersPage from './pages/trackers/TrackersPage.svelte';
import { safeNext } from './lib/router.svelte';

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
  /** Must accept the path's params as props: `/ptl/:id` needs a page with `id: string`. */
  component: Component<RouteParams<P>>;
  /** Signed-in users outside these roles see "no access" instead of the page. */
  roles?: readonly Role[];
  /** `bare`: the page alone, without the app's header and navigation (a list made for printing). */
  layout?: 'bare';
}

export interface Route {
  path: string;
  title: string;
  access: Access;
  component: Component<Record<string, string>>;
  roles?: readonly Role[];
  layout?: 'bare';
}

/** Checks, at compile time, that the page takes the path's params; the table then holds them alike. */
function route<P extends string>(spec: RouteSpec<P>): Route {
  return spec as unknown as Route;
}

export const ROUTES: readonly Route[] = [
  route({ path: '/', title: 'Home', access: 'user', component: DashboardPage }),
  route({ path: '/login', title: 'Log in', access: 'guest', component: LoginPage }),
  route({ path: '/register', title: 'Create an account', access: 'guest', component: RegisterPage }),
  route({ path: '/forgot-password', title: 'Reset your password', access: 'any', component: ForgotPasswordPage }),
  route({ path: '/reset-password', title: 'Choose a new password', access: 'any', component: ResetPasswordPage }),
  // The board and a session's board view are public: anyone may look for a partner before signing up.
  route({ path: '/sessions', title: 'Practice sessions', access: 'any', component: SessionsPage }),
  route({ path: '/sessions/new', title: 'Publish a session', access: 'user', component: PublishSessionPage }),
  route({ path: '/sessions/mine', title: 'My sessions', access: 'user', component: MySessionsPage }),
  route({ path: '/sessions/:id', title: 'Practice session', access: 'any', component: SessionPage }),
  route({ path: '/sessions/:id/assessment', title: 'Assessment', access: 'user', component: AssessmentPage }),
  // The live station for its two participants; the server answers anyone else with 404.
  route({ path: '/room/:token', title: 'Practice room', access: 'user', component: RoomPage }),
  route({ path: '/cases', title: 'Case library', access: 'user', component: CasesPage }),
  route({ path: '/cases/new', title: 'Write a case', access: 'user', component: CaseFormPage }),
  route({ path: '/cases/:id', title: 'Case', access: 'user', component: CasePage }),
  route({ path: '/cases/:id/edit', title: 'Edit case', access: 'user', component: CaseFormPage }),
  route({ path: '/ptl', title: 'PTL', access: 'user', component: PtlPage }),
  route({ path: '/ptl/new', title: 'Add a pathway', access: 'user', component: PathwayFormPage }),
  route({ path: '/ptl/import', title: 'Import pathways', access: 'user', component: PtlImportPage }),
  route({ path: '/ptl/:id', title: 'Pathway', access: 'user', component: PathwayPage }),
  route({ path: '/ptl/:id/edit', title: 'Edit pathway', access: 'user', component: PathwayFormPage }),
  route({ path: '/cancer', title: 'Cancer', access: 'user', component: CancerPage }),
  route({ path: '/cancer/new', title: 'Add a cancer pathway', access: 'user', component: CancerFormPage }),
  route({ path: '/cancer/dashboard', title: 'Cancer dashboard', access: 'user', component: CancerDashboardPage }),
  route({ path: '/cancer/:id', title: 'Cancer pathway', access: 'user', component: CancerPathwayPage }),
  route({ path: '/cancer/:id/edit', title: 'Edit cancer pathway', access: 'user', component: CancerFormPage }),
  route({ path: '/mdt', title: 'MDT', access: 'user', component: MdtPage }),
  route({ path: '/mdt/new', title: 'Plan an MDT meeting', access: 'user', component: MeetingFormPage }),
  route({ path: '/mdt/coordinator', title: 'MDT coordinator', access: 'user', component: CoordinatorPage }),
  route({ path: '/mdt/:id', title: 'MDT meeting', access: 'user', component: MeetingPage }),
  route({ path: '/mdt/:id/edit', title: 'Edit MDT meeting', access: 'user', component: MeetingFormPage }),
  route({ path: '/mdt/:id/print', title: 'MDT meeting list', access: 'user', component: MeetingPrintPage, layout: 'bare' }),
  route({ path: '/booking', title: 'Booking', access: 'user', component: BookingPage }),
  route({ path: '/booking/clinics/new', title: 'Set up a clinic', access: 'user', component: ClinicFormPage }),
  route({ path: '/booking/clinics/:id', title: 'Clinic', access: 'user', component: ClinicPage }),
  route({ path: '/booking/clinics/:id/edit', title: 'Edit clinic', access: 'user', component: ClinicFormPage }),
  route({ path: '/booking/clinics/:id/day', title: 'Clinic day list', access: 'user', component: ClinicDayPage }),
  route({ path: '/booking/book', title: 'Book an appointment', access: 'user', component: BookPage }),
  route({ path: '/booking/appointments/:id', title: 'Appointment', access: 'user', component: AppointmentPage }),
  route({ path: '/booking/capacity', title: 'Week capacity', access: 'user', component: CapacityPage }),
  route({ path: '/booking/stats', title: 'Utilisation and DNA rates', access: 'user', component: BookingStatsPage }),
  route({ path: '/secretary', title: 'Secretary', access: 'user', component: SecretaryPage }),
  route({ path: '/secretary/new', title: 'Add a task', access: 'user', component: TaskFormPage }),
  route({ path: '/secretary/:id', title: 'Task', access: 'user', component: TaskPage }),
  route({ path: '/secretary/:id/edit', title: 'Edit task', access: 'user', component: TaskFormPage }),
  route({ path: '/quality', title: 'Data quality', access: 'user', component: QualityPage }),
  route({ path: '/quality/validation', title: 'Validation queue', access: 'user', component: ValidationQueuePage }),
  route({ path: '/quality/audits/:id', title: 'Data-quality audit', access: 'user', component: AuditPage }),
  route({ path: '/quality/findings/:id', title: 'Data-quality finding', access: 'user', component: FindingPage }),
  route({ path: '/reports', title: 'Monthly RTT return', access: 'user', component: RttReturnPage }),
  route({ path: '/trackers', title: 'Trackers', access: 'user', component: TrackersPage }),
  // Every tracker the server defines, from its definition: `new` is tried before `:id`.
  route({ path: '/trackers/:module', title: 'Tracker', access: 'user', component: TrackerListPage }),
  route({ path: '/trackers/:module/new', title: 'Add to tracker', access: 'user', component: TrackerFormPage }),
  route({ path: '/trackers/:module/:id', title: 'Tracker entry', access: 'user', component: TrackerItemPage }),
  route({ path: '/trackers/:module/:id/edit', title: 'Edit tracker entry', access: 'user', component: TrackerFormPage }),
  route({ path: '/records', title: 'Records', access: 'user', component: RecordsPage }),
  route({ path: '/portfolio', title: 'Portfolio', access: 'user', component: PortfolioPage }),
  route({ path: '/admin', title: 'Admin', access: 'user', component: AdminPage, roles: ['admin'] }),
  route({ path: '/admin/trainees/:id', title: 'Trainee portfolio', access: 'user', component: TraineePortfolioPage, roles: ['admin'] }),
  route({ path: '/profile', title: 'Profile', access: 'user', component: ProfilePage }),
];

export const NOT_FOUND: Route = route({ path: '*', title: 'Page not found', access: 'any', component: NotFoundPage });

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
