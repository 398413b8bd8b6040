import { ERROR_CODES } from '$contract';
import type {
  AccountEraseInput,
  AssessmentAttempts,
  AssessmentDocument,
  AssessmentMarksInput,
  SelfReflectionInput,
  TranscriptDocument,
  TranscriptSegment,
  TranscriptSegmentInput,
  AccountLoginInput,
  AccountRegisterInput,
  AuditEntry,
  AuditQuery,
  BoardQuery,
  BoardSession,
  CaseCreateInput,
  CaseDetail,
  CaseListItem,
  CaseListQuery,
  CaseUpdateInput,
  ErrorBody,
  HealthResponse,
  LoginResponse,
  MedicalRecord,
  MedicalRecordCreateInput,
  MedicalRecordListQuery,
  MedicalRecordUpdateInput,
  MeResponse,
  OwnProfile,
  Page,
  PasswordResetConfirmInput,
  PasswordResetRequestInput,
  ParticipantSession,
  RecordPatient,
  RecordsSummary,
  SessionSignupResult,
  Pathway,
  PathwayCreateInput,
  PathwayDetail,
  PathwayListQuery,
  PathwayUpdateInput,
  ProfileUpdateInput,
  PtlEventCreateInput,
  PtlImportResult,
  Portfolio,
  ProgressQuery,
  PtlStats,
  PublicProfile,
  SecretaryTask,
  SessionBrief,
  SessionCreateInput,
  SessionUpdateInput,
  TaskBulkStatusInput,
  TaskCreateInput,
  TaskListQuery,
  TaskUpdateInput,
  TraineeProgress,
  TrackerItem,
  TrackerItemCreateInput,
  TrackerItemListQuery,
  TrackerItemUpdateInput,
  TrackerListResponse,
  TrailEntry,
  TrailQuery,
  User,
  VideoAccess,
  WorkloadResponse,
} from '$contract';
import type {
  ActionCreateInput,
  ActionListQuery,
  ActionUpdateInput,
  CancerListQuery,
  CancerPathway,
  CancerPathwayCreateInput,
  CancerPathwayDetail,
  CancerPathwayUpdateInput,
  CancerStats,
  CancerStatsQuery,
  CoordinatorQuery,
  CoordinatorView,
  ListingCreateInput,
  ListingUpdateInput,
  MdtAction,
  MdtListing,
  MdtMeeting,
  MeetingCreateInput,
  MeetingListQuery,
  MeetingUpdateInput,
} from '$contract';
import type {
  Appointment,
  AppointmentCreateInput,
  AppointmentListQuery,
  AppointmentOutcomeInput,
  AppointmentOutcomeResponse,
  AppointmentRebookInput,
  BankHolidaysResponse,
  BookingStats,
  CapacityResponse,
  ClinicCreateInput,
  ClinicDay,
  ClinicTemplate,
  ClinicUpdateInput,
  ClinicUpdateResponse,
  Slot,
  SlotGenerateResult,
  SlotListQuery,
} from '$contract';

import type {
  AuditCreateInput,
  FindingStatus,
  FindingUpdateInput,
  PathwayValidation,
  QualityAudit,
  QualityFinding,
  QualityFindingDetail,
  QualityRule,
  QualityScorePoint,
  RttReturn,
  RttReturnRecord,
  ValidationCreateInput,
  ValidationKind,
  ValidationQueueItem,
} from '$contract';

export type ApiError = ErrorBody['error'];

/** Contract errors come back as data, so every caller has to look at `ok` before using `data`. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; error: ApiError };

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    KNOWN_CODES.has((error as { code: string }).code) &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** A proxy or gateway that answers without our error shape (e.g. 502 while the API restarts). */
function fallbackError(status: number): ApiError {
  if (status === 502 || status === 503 || status === 504) {
    return { code: 'unavailable', message: 'The service is unavailable, try again shortly' };
  }
  if (status === 401) return { code: 'unauthenticated', message: 'Please log in' };
  if (status === 404) return { code: 'not_found', message: 'Not found' };
  if (status === 413) return { code: 'payload_too_large', message: 'That is too large to send' };
  if (status === 429) return { code: 'rate_limited', message: 'Too many attempts, try again later' };
  return { code: 'internal', message: 'Something went wrong' };
}

let onUnauthenticated: (() => void) | null = null;

/**
 * What to do when the server says the caller is not signed in (an expired or revoked session):
 * registered once by the auth state, so no call site has to look for a `401` itself.
 */
export function whenUnauthenticated(handler: () => void): void {
  onUnauthenticated = handler;
}

export interface RequestOptions {
  /** Sends `body` as it is (a string, e.g. CSV text) instead of as JSON. */
  contentType?: string;
  /** Log-in answers a wrong password with 401: that one is the form's business, not an expired session. */
  expectsSignedOut?: boolean;
}

/** The app's one fetch wrapper: contract errors come back as data, and a `401` ends the local session once, here. */
export async function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : options.contentType ? String(body) : JSON.stringify(body),
    });
  } catch {
    return {
      ok: false,
      status: 0,
      error: { code: 'unavailable', message: 'Cannot reach the server. Check your connection and try again' },
    };
  }

  const text = await response.text().catch(() => '');
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }

  if (response.ok) return { ok: true, data: json as T };
  if (response.status === 401 && !options.expectsSignedOut) onUnauthenticated?.();
  return {
    ok: false,
    status: response.status,
    error: isErrorBody(json) ? json.error : fallbackError(response.status),
  };
}

/** Filters and sort of the PTL list (and its CSV export); absent values use the server's defaults. */
export type PtlListParams = Partial<PathwayListQuery>;

/** `?a=1&b=2` from the values that are set, or '' when none are. */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const ptlPath = (id: string) => `/api/ptl/${encodeURIComponent(id)}`;

/** Filters and paging of the case library; absent values use the server's defaults. */
export type CaseListParams = Partial<CaseListQuery>;

const casePath = (id: string) => `/api/cases/${encodeURIComponent(id)}`;

/** Filters of the public session board; absent values use the server's defaults. */
export type BoardParams = Partial<BoardQuery>;

const sessionPath = (id: string) => `/api/sessions/${encodeURIComponent(id)}`;

type Params = Record<string, string | number | boolean | null | undefined>;

const mdtMeetingPath = (id: string) => `/api/mdt/meetings/${encodeURIComponent(id)}`;
/** Filters and paging of the clinic list (`ClinicListQuerySchema`). */
type ClinicListParams = { limit: number; cursor: string; specialty: string; weekday: number; q: string };
const bookingClinicPath = (id: string) => `/api/booking/clinics/${encodeURIComponent(id)}`;
const bookingAppointmentPath = (id: string) => `/api/booking/appointments/${encodeURIComponent(id)}`;

/**
 * The five routes of a resource a user owns (`GET /`, `POST /`, `GET`, `PATCH`, `DELETE /:id`),
 * as the server's module kit serves them: list pages are `{ items, next_cursor }`, updates quote
 * `version` (stale → 409), and the generic pages take any such resource.
 */
export interface Resource<Row, Create, Update, Query> {
  list: (params?: Partial<Query>) => Promise<ApiResult<Page<Row>>>;
  get: (id: string) => Promise<ApiResult<Row>>;
  create: (input: Create) => Promise<ApiResult<Row>>;
  update: (id: string, input: Update) => Promise<ApiResult<Row>>;
  remove: (id: string) => Promise<ApiResult<void>>;
}

function resource<Row, Create, Update, Query>(base: string): Resource<Row, Create, Update, Query> {
  const one = (id: string) => `${base}/${encodeURIComponent(id)}`;
  return {
    list: (params = {}) => request<Page<Row>>('GET', `${base}${queryString(params as Params)}`),
    get: (id) => request<Row>('GET', one(id)),
    create: (input) => request<Row>('POST', base, input),
    update: (id, input) => request<Row>('PATCH', one(id), input),
    remove: (id) => request<void>('DELETE', one(id)),
  };
}

export type RecordListParams = Partial<MedicalRecordListQuery>;
export type TaskListParams = Partial<TaskListQuery>;
export type TrackerItemListParams = Partial<TrackerItemListQuery>;
export type TrailParams = Partial<TrailQuery>;

export type TrackerItems = Resource<TrackerItem, TrackerItemCreateInput, TrackerItemUpdateInput, TrackerItemListQuery>;
const trackerItemsByModule = new Map<string, TrackerItems>();

/**
 * The endpoint table: every route the client calls, with its response type from the contract.
 * One module, so nothing beside it builds `/api/…` paths.
 */
export const api = {
  health: () => request<HealthResponse>('GET', '/api/health'),

  register: (input: AccountRegisterInput) => request<{ user: User }>('POST', '/api/auth/register', input),
  login: (input: AccountLoginInput) => request<LoginResponse>('POST', '/api/auth/login', input, { expectsSignedOut: true }),
  logout: () => request<void>('POST', '/api/auth/logout'),
  /** 401 when signed out: that is an answer here, not an expired session. */
  me: () => request<MeResponse>('GET', '/api/auth/me', undefined, { expectsSignedOut: true }),
  eraseAccount: (input: AccountEraseInput) => request<void>('DELETE', '/api/auth/me', input),

  requestPasswordReset: (input: PasswordResetRequestInput) =>
    request<void>('POST', '/api/auth/password-reset', input),
  confirmPasswordReset: (input: PasswordResetConfirmInput) =>
    request<void>('POST', '/api/auth/password-reset/confirm', input),

  getProfile: (userId: string) => request<PublicProfile>('GET', `/api/profiles/${encodeURIComponent(userId)}`),
  updateMyProfile: (input: ProfileUpdateInput) => request<OwnProfile>('PATCH', '/api/profiles/me', input),

  listPathways: (params: PtlListParams) => request<Page<Pathway>>('GET', `/api/ptl${queryString(params)}`),
  ptlStats: (asOf?: string) => request<PtlStats>('GET', `/api/ptl/stats${queryString({ as_of: asOf })}`),
  getPathway: (id: string) => request<PathwayDetail>('GET', ptlPath(id)),
  createPathway: (input: PathwayCreateInput) => request<Pathway>('POST', '/api/ptl', input),
  updatePathway: (id: string, input: PathwayUpdateInput) => request<Pathway>('PATCH', ptlPath(id), input),
  deletePathway: (id: string) => request<void>('DELETE', ptlPath(id)),
  addPtlEvent: (id: string, input: PtlEventCreateInput) =>
    request<PathwayDetail>('POST', `${ptlPath(id)}/events`, input),
  deletePtlEvent: (id: string, eventId: string) =>
    request<PathwayDetail>('DELETE', `${ptlPath(id)}/events/${encodeURIComponent(eventId)}`),
  /** The body is the CSV file's text; progress arrives as `ptl:import:progress` socket events. */
  importPtl: (csv: string, params: { mode: 'atomic' | 'partial'; import_id: string }) =>
    request<PtlImportResult>('POST', `/api/ptl/import${queryString(params)}`, csv, { contentType: 'text/csv' }),
  /** For a plain download link: the list's filters, without paging. */
  ptlExportUrl: (params: Omit<PtlListParams, 'limit' | 'cursor'>) => `/api/ptl/export.csv${queryString(params)}`,
  /** The import's CSV template: its header and an example row. */
  ptlImportTemplateUrl: '/api/ptl/import/template',

  /** The library's listing: never briefs, condition or mark scheme. */
  listCases: (params: CaseListParams) => request<Page<CaseListItem>>('GET', `/api/cases${queryString(params)}`),
  /** The whole case, for its owner or an admin; anyone else gets 404. */
  getCase: (id: string) => request<CaseDetail>('GET', casePath(id)),
  createCase: (input: CaseCreateInput) => request<CaseDetail>('POST', '/api/cases', input),
  updateCase: (id: string, input: CaseUpdateInput) => request<CaseDetail>('PATCH', casePath(id), input),
  deleteCase: (id: string) => request<void>('DELETE', casePath(id)),

  /** The public board (anonymous too): upcoming open and matched sessions, soonest first. */
  listBoard: (params: BoardParams) => request<{ items: BoardSession[] }>('GET', `/api/sessions${queryString(params)}`),
  /** Sessions where the caller is host or guest, past and future, newest first. */
  mySessions: () => request<{ items: ParticipantSession[] }>('GET', '/api/sessions/mine'),
  /** Participants get the full session (it has `room_url`); anyone else the board view. */
  getSession: (id: string) => request<ParticipantSession | BoardSession>('GET', sessionPath(id)),
  createSession: (input: SessionCreateInput) => request<ParticipantSession>('POST', '/api/sessions', input),
  updateSession: (id: string, input: SessionUpdateInput) => request<ParticipantSession>('PATCH', sessionPath(id), input),
  /** The host cancels; the guest is notified. */
  cancelSession: (id: string) => request<void>('DELETE', sessionPath(id)),
  /** 409 when someone else signed up first or the session changed since `version`. */
  signUpToSession: (id: string, version: number) =>
    request<SessionSignupResult>('POST', `${sessionPath(id)}/signup`, { version }),
  /** The guest withdraws; no longer a participant, they get the board view back. */
  withdrawFromSession: (id: string) => request<BoardSession>('DELETE', `${sessionPath(id)}/signup`),
  /** For a plain download link (participants only). */
  sessionCalendarUrl: (id: string) => `${sessionPath(id)}/calendar.ics`,
  /** What the caller may read of the session's case right now (the reveal rules): read again after every phase change. */
  getSessionBrief: (id: string) => request<SessionBrief>('GET', `${sessionPath(id)}/brief`),
  /** How to connect the room's video (participants, from 15 minutes before the start to 30 minutes after the planned end; 409 outside). */
  getSessionVideo: (id: string) => request<VideoAccess>('POST', `${sessionPath(id)}/video`),

  /** The stored transcript (participants). */
  getTranscript: (id: string) => request<TranscriptDocument>('GET', `${sessionPath(id)}/transcript`),
  /** One typed segment over HTTP (409 outside the consultation and feedback); the socket's `transcript:append` is preferred. */
  addTranscriptSegment: (id: string, input: TranscriptSegmentInput) =>
    request<TranscriptSegment>('POST', `${sessionPath(id)}/transcript/segments`, input),
  /** The assessment: the actor at any time, the candidate from feedback (409 before). */
  getAssessment: (id: string) => request<AssessmentDocument>('GET', `${sessionPath(id)}/assessment`),
  /** The candidate's own earlier stations with the same case (403 for the actor). */
  getEarlierAttempts: (id: string) => request<AssessmentAttempts>('GET', `${sessionPath(id)}/assessment/attempts`),
  /** The actor's marks (from feedback). */
  saveMarks: (id: string, input: AssessmentMarksInput) => request<AssessmentDocument>('PUT', `${sessionPath(id)}/assessment`, input),
  /** The candidate's self-reflection (from feedback). */
  saveReflection: (id: string, input: SelfReflectionInput) =>
    request<AssessmentDocument>('PUT', `${sessionPath(id)}/assessment`, input),

  /** The session behind a room link, for its two participants; 404 for anyone else. */
  getRoom: (token: string) => request<ParticipantSession>('GET', `/api/rooms/${encodeURIComponent(token)}`),

  /** `/api/records`: what the caller wrote (doctors) or what is about them (patients), newest first. Creating is for doctors (403 otherwise). */
  records: {
    ...resource<MedicalRecord, MedicalRecordCreateInput, MedicalRecordUpdateInput, MedicalRecordListQuery>('/api/records'),
    /** The patients the doctor has written for, most recent first: the record form offers them (403 for other roles). */
    patients: () => request<{ items: RecordPatient[] }>('GET', '/api/records/patients'),
    /** How many records are about the caller: the navigation shows Records to a trainee only when there are some. */
    summary: () => request<RecordsSummary>('GET', '/api/records/summary'),
  },

  portfolio: {
    /** The caller's own portfolio. */
    mine: () => request<Portfolio>('GET', '/api/portfolio'),
    /** Plain links, not fetches: the browser downloads the JSON and opens the printable page itself. */
    exportUrl: '/api/portfolio/export',
    printableUrl: '/api/portfolio/export.html',
    /** Admins only (403 otherwise); each call is recorded in the admin audit as a view of all trainees. */
    progress: (params: Partial<ProgressQuery> = {}) => request<Page<TraineeProgress>>('GET', `/api/admin/progress${queryString(params)}`),
    /** Admins only; read-only, and recorded in the admin audit against that trainee. */
    traineePortfolio: (id: string) => request<Portfolio>('GET', `/api/admin/trainees/${encodeURIComponent(id)}/portfolio`),
    /** Admins' views of trainees' data (`/api/admin/audit`), apart from the module audit trail below. */
    adminAudit: (params: Partial<AuditQuery> = {}) => request<Page<AuditEntry>>('GET', `/api/admin/audit${queryString(params)}`),
  },

  trackers: {
    /** Every tracker's definition: the client renders each from it. */
    definitions: () => request<TrackerListResponse>('GET', '/api/trackers'),
    /** One tracker's rows (`/api/trackers/:module`); an unknown module, or a write to a read-only one, is 404. */
    items: (module: string): TrackerItems => {
      let items = trackerItemsByModule.get(module);
      if (!items) {
        items = resource<TrackerItem, TrackerItemCreateInput, TrackerItemUpdateInput, TrackerItemListQuery>(
          `/api/trackers/${encodeURIComponent(module)}`,
        );
        trackerItemsByModule.set(module, items);
      }
      return items;
    },
  },

  secretary: {
    /** By due date (none last), then priority, as the server sorts them. */
    tasks: resource<SecretaryTask, TaskCreateInput, TaskUpdateInput, TaskListQuery>('/api/secretary/tasks'),
    /** All or nothing: an unknown id is 404, a stale version 409, and then nothing has changed. */
    bulkStatus: (input: TaskBulkStatusInput) => request<{ items: SecretaryTask[] }>('POST', '/api/secretary/tasks/bulk', input),
    /** Seven days from `week` (a Monday; this week by default). */
    workload: (week?: string) => request<WorkloadResponse>('GET', `/api/secretary/workload${queryString({ week })}`),
  },

  cancer: {
    /** Cancer pathways with their three clocks at `as_of` (today by default); list pages are `{ items, next_cursor }`. */
    pathways: {
      ...resource<CancerPathway, CancerPathwayCreateInput, CancerPathwayUpdateInput, CancerListQuery>('/api/cancer'),
      /** One pathway with its MDT discussions (`mdt`). */
      get: (id: string, asOf?: string) =>
        request<CancerPathwayDetail>('GET', `/api/cancer/${encodeURIComponent(id)}${queryString({ as_of: asOf })}`),
    },
    /** A month's performance against each standard, open pathways by days, and what falls due in 7 days. */
    stats: (params: Partial<CancerStatsQuery> = {}) => request<CancerStats>('GET', `/api/cancer/stats${queryString(params as Params)}`),
  },

  mdt: {
    /** By date then start time; `summary` is computed from the listings and actions. Deleting one removes its list. */
    meetings: resource<MdtMeeting, MeetingCreateInput, MeetingUpdateInput, MeetingListQuery>('/api/mdt/meetings'),
    /** A meeting's patients in `position` order, each with its pathway's clocks at `as_of`. */
    listings: {
      list: (meetingId: string, asOf?: string) =>
        request<{ items: MdtListing[] }>('GET', `${mdtMeetingPath(meetingId)}/patients${queryString({ as_of: asOf })}`),
      /** A pathway is listed once per meeting: a second listing is 409. */
      create: (meetingId: string, input: ListingCreateInput) => request<MdtListing>('POST', `${mdtMeetingPath(meetingId)}/patients`, input),
      update: (meetingId: string, listingId: string, input: ListingUpdateInput) =>
        request<MdtListing>('PATCH', `${mdtMeetingPath(meetingId)}/patients/${encodeURIComponent(listingId)}`, input),
      remove: (meetingId: string, listingId: string) =>
        request<void>('DELETE', `${mdtMeetingPath(meetingId)}/patients/${encodeURIComponent(listingId)}`),
    },
    actions: {
      list: (params: Partial<ActionListQuery> = {}) => request<Page<MdtAction>>('GET', `/api/mdt/actions${queryString(params as Params)}`),
      create: (meetingId: string, listingId: string, input: ActionCreateInput) =>
        request<MdtAction>('POST', `${mdtMeetingPath(meetingId)}/patients/${encodeURIComponent(listingId)}/actions`, input),
      update: (id: string, input: ActionUpdateInput) => request<MdtAction>('PATCH', `/api/mdt/actions/${encodeURIComponent(id)}`, input),
      remove: (id: string) => request<void>('DELETE', `/api/mdt/actions/${encodeURIComponent(id)}`),
    },
    /** The coordinator's desk: upcoming meetings, patients not ready, outcomes to tell, overdue actions. */
    coordinator: (params: Partial<CoordinatorQuery> = {}) =>
      request<CoordinatorView>('GET', `/api/mdt/coordinator${queryString(params as Params)}`),
  },

  booking: {
    /** Clinic templates, by weekday then start time; a `PATCH` also lists the booked appointments on newly cancelled dates. */
    clinics: {
      ...resource<ClinicTemplate, ClinicCreateInput, ClinicUpdateInput, ClinicListParams>('/api/booking/clinics'),
      update: (id: string, input: ClinicUpdateInput) => request<ClinicUpdateResponse>('PATCH', bookingClinicPath(id), input),
    },
    /** Generates the template's slots over `[from, to]`; a re-run creates only what is missing. */
    generateSlots: (clinicId: string, range: { from: string; to: string }) =>
      request<SlotGenerateResult>('POST', `${bookingClinicPath(clinicId)}/slots`, range),
    /** A clinic's list for one day: its slots in time order, each with the appointment holding it. */
    day: (clinicId: string, date: string) => request<ClinicDay>('GET', `${bookingClinicPath(clinicId)}/day${queryString({ date })}`),
    bankHolidays: (year: number) => request<BankHolidaysResponse>('GET', `/api/booking/bank-holidays${queryString({ year })}`),
    slots: (params: Partial<SlotListQuery>) => request<Page<Slot>>('GET', `/api/booking/slots${queryString(params as Params)}`),
    /** Cancels or reinstates a slot (409 while an appointment holds it). */
    setSlotCancelled: (id: string, version: number, cancelled: boolean) =>
      request<Slot>('PATCH', `/api/booking/slots/${encodeURIComponent(id)}`, { version, cancelled }),
    appointments: {
      list: (params: Partial<AppointmentListQuery> = {}) => request<Page<Appointment>>('GET', `/api/booking/appointments${queryString(params as Params)}`),
      get: (id: string) => request<Appointment>('GET', bookingAppointmentPath(id)),
      /** One live appointment per slot: a taken or cancelled slot is 409. */
      create: (input: AppointmentCreateInput) => request<Appointment>('POST', '/api/booking/appointments', input),
      /** Only while booked: frees the slot, writes no RTT event. */
      remove: (id: string) => request<void>('DELETE', bookingAppointmentPath(id)),
      /** Writes the outcome's RTT events on the linked pathway and answers with that pathway's new clock. */
      outcome: (id: string, input: AppointmentOutcomeInput) =>
        request<AppointmentOutcomeResponse>('POST', `${bookingAppointmentPath(id)}/outcome`, input),
      /** Removes the outcome and its RTT events: the clock goes back. */
      undoOutcome: (id: string) => request<AppointmentOutcomeResponse>('DELETE', `${bookingAppointmentPath(id)}/outcome`),
      /** Cancels this one (by the patient or the hospital) and books `slot_id` in one go; answers with the new appointment. */
      rebook: (id: string, input: AppointmentRebookInput) => request<Appointment>('POST', `${bookingAppointmentPath(id)}/rebook`, input),
    },
    /** Per clinic and day of the week starting `week` (a Monday): slots, booked, free, cancelled. */
    capacity: (week?: string) => request<CapacityResponse>('GET', `/api/booking/capacity${queryString({ week })}`),
    /** Utilisation and DNA rate per clinic and overall, over `[from, to]`. */
    stats: (params: { from?: string; to?: string } = {}) => request<BookingStats>('GET', `/api/booking/stats${queryString(params)}`),
  },

  quality: {
    /** Runs the eleven rules over the caller's PTL and cancer pathways and stores the run. */
    runAudit: (input: AuditCreateInput) => request<QualityAudit>('POST', '/api/quality/audits', input),
    /** Newest first. */
    audits: (params: { limit?: number; cursor?: string } = {}) => request<Page<QualityAudit>>('GET', `/api/quality/audits${queryString(params)}`),
    audit: (id: string) => request<QualityAudit>('GET', `/api/quality/audits/${encodeURIComponent(id)}`),
    /** Errors first, then by rule and record. */
    findings: (auditId: string, params: { rule?: QualityRule | ''; status?: FindingStatus | ''; limit?: number; cursor?: string } = {}) =>
      request<Page<QualityFinding>>('GET', `/api/quality/audits/${encodeURIComponent(auditId)}/findings${queryString(params)}`),
    /** One finding with its record as it is now (null once deleted). */
    finding: (id: string) => request<QualityFindingDetail>('GET', `/api/quality/findings/${encodeURIComponent(id)}`),
    /** `reason` (1–500) is required for `resolved` and `accepted`; a stale version is 409. */
    updateFinding: (id: string, input: FindingUpdateInput) =>
      request<QualityFinding>('PATCH', `/api/quality/findings/${encodeURIComponent(id)}`, input),
    /** Every run's score, oldest first. */
    score: (params: { from?: string; to?: string } = {}) => request<{ items: QualityScorePoint[] }>('GET', `/api/quality/score${queryString(params)}`),
    /** A validation is activity for `no_recent_activity`; it never changes a clock. */
    validate: (input: ValidationCreateInput) => request<PathwayValidation>('POST', '/api/quality/validations', input),
    /** Newest first. */
    validations: (params: { pathway_id?: string; kind?: ValidationKind; limit?: number } = {}) =>
      request<Page<PathwayValidation>>('GET', `/api/quality/validations${queryString(params)}`),
    /**
     * A finding's record from its `target.href`: only a PTL or cancer pathway path is fetched, so
     * a link from the server can never send the client elsewhere.
     */
    record: (href: string) =>
      /^\/api\/(ptl|cancer)\/[0-9a-f-]{36}$/i.test(href)
        ? request<PathwayDetail | CancerPathwayDetail>('GET', href)
        : Promise.resolve<ApiResult<never>>({ ok: false, status: 404, error: { code: 'not_found', message: 'Not a record this page can show' } }),
    /** Running pathways with no activity within `weeks` (12 by default), longest waiters first. */
    validationQueue: (params: { weeks?: number; limit?: number; cursor?: string } = {}) =>
      request<Page<ValidationQueueItem>>('GET', `/api/quality/validation-queue${queryString(params)}`),
  },

  reports: {
    /** The monthly RTT return (incomplete pathways at the month's last day); the current month is provisional. */
    rttIncomplete: (month?: string) => request<RttReturn>('GET', `/api/reports/rtt-incomplete${queryString({ month })}`),
    /** For plain download links. */
    rttIncompleteCsvUrl: (month?: string) => `/api/reports/rtt-incomplete.csv${queryString({ month })}`,
    rttIncompleteJsonUrl: (month?: string) => `/api/reports/rtt-incomplete${queryString({ month })}`,
    /** The returns the caller produced, newest first. */
    rttHistory: (params: { limit?: number; cursor?: string } = {}) => request<Page<RttReturnRecord>>('GET', `/api/reports/rtt-incomplete/history${queryString(params)}`),
  },

  /** The module audit trail (`/api/audit`): every change to the caller's rows, newest first. */
  trail: (params: TrailParams) => request<Page<TrailEntry>>('GET', `/api/audit${queryString(params as Params)}`),
};
