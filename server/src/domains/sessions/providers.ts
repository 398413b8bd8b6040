// What the practice-sessions domain adds to the app: the board, stations and rooms under
// /api/sessions and /api/rooms, the stations' live socket events with the presence watch, the
// station scheduler, and the person's stations in their portfolio, their export and their leaving.
import type { ExportSession } from '../../contract/portfolio.js';
import type { SessionRole, SessionStatus } from '../../contract/sessions.js';
import type { Queryable } from '../../db/types.js';
import { iso, isoOrNull, type SessionFact, type Viewer } from '../facts.js';
import { defineDomain } from '../registry.js';
import { createPresenceWatch } from './presence.js';
import { roomsRoutes, sessionsRoutes } from './routes.js';
import { startStationScheduler } from './scheduler.js';
import { createSessionsService, type SessionsService } from './service.js';
import { registerSessionHandlers } from './socket.js';

declare module '../registry.js' {
  interface DomainServices {
    sessions: SessionsService;
  }
}

export const sessionsDomain = defineDomain({
  name: 'sessions',
  services: ({ db, realtime, config, storage, logger }, domains) => {
    // A completed station's assessment is analysed, and rewritten after an erasure, by the
    // assessments domain (listed before this one).
    const assessments = domains.get('assessments');
    return createSessionsService({
      db,
      realtime,
      livekit: config.livekit,
      storage,
      logger,
      afterCompleted: (id) => assessments.complete(id),
      storeAssessment: (id) => assessments.storeDocument(id),
    });
  },
  mounts: [
    { path: '/sessions', routes: ({ sessions, assessments }, { appUrl }) => sessionsRoutes({ sessions, assessments, appUrl }) },
    { path: '/rooms', routes: ({ sessions }) => roomsRoutes({ sessions }) },
  ],
  sockets: ({ sessions, assessments }, { realtime, config, logger }) => {
    const presence = createPresenceWatch({
      usersInSession: (id) => realtime.usersInSession(id),
      onDropped: (id, userId, at) => sessions.participantDropped(id, userId, at),
      onPresent: (id, present) => sessions.participantsPresent(id, present),
      onChange: (id, present) => realtime.toSession(id).emit('session:presence', { session_id: id, present: [...present] }),
      graceMs: config.stationDropGraceMs,
      logger,
    });
    return { register: registerSessionHandlers(sessions, assessments, realtime, presence, logger), close: () => presence.close() };
  },
  background: ({ sessions }, { logger }) => {
    const scheduler = startStationScheduler(() => sessions.advanceExpired(), logger);
    // Until it listens (and if it cannot), the board is read uncached.
    const listening = sessions.listenForBoardChanges().catch((err: unknown) => {
      logger.warn({ err }, 'board cache: cannot listen for board changes; the board is read uncached');
      return async () => {};
    });
    return {
      tick: scheduler.tick,
      async stop() {
        await scheduler.stop();
        await (await listening)();
      },
    };
  },
  providers: ({ sessions }) => ({
    async exportFor(tx, userId) {
      const rows = await exportSessions(tx, userId);
      const segments = await exportTranscriptSegments(tx, rows.map((s) => s.id));
      const bySession = new Map<string, { speaker: SessionRole; at_ms: number; text: string; author_id: string; created_at: string }[]>();
      for (const g of segments) {
        const list = bySession.get(g.session_id) ?? [];
        list.push({ speaker: g.speaker as SessionRole, at_ms: g.at_ms, text: g.text, author_id: g.author_id, created_at: iso(g.created_at) });
        bySession.set(g.session_id, list);
      }
      return {
        sessions: rows.map(exportSession),
        transcripts: [...bySession.entries()].map(([session_id, list]) => ({ session_id, segments: list })),
      };
    },
    portfolioFacts: async (tx, userId, viewer) => ({ sessions: await sessionFacts(tx, userId, viewer) }),
    // Leaving releases the stations the person joined, ends those they host, and rewrites the
    // stored documents of those the other participant keeps.
    onErase: (userId) => sessions.prepareErasure(userId),
  }),
});

/** Every field named, so a column added to the table never leaves the server by accident. */
function exportSession(s: ExportSessionRow): ExportSession {
  return {
    id: s.id,
    role: s.role,
    host_id: s.host_id,
    guest_id: s.guest_id,
    candidate_id: s.candidate_id,
    datetime_utc: iso(s.datetime_utc),
    type: s.type,
    status: s.status as SessionStatus,
    phase: s.phase,
    preset: s.preset,
    timing: { reading_s: s.reading_s, consultation_s: s.consultation_s, feedback_s: s.feedback_s, warning_s: s.warning_s },
    station_started_at: isoOrNull(s.station_started_at),
    completed_at: isoOrNull(s.completed_at),
    previous_session_id: s.previous_session_id,
    created_at: iso(s.created_at),
    updated_at: iso(s.updated_at),
    case_id: s.case_id,
    case: s.brief,
    gaps: s.gaps,
  };
}

// ---------------------------------------------------------------------------------------------
// SQL, run in the viewer's transaction (the person's own, or an admin's through the read-only
// policies). It belongs in repo.ts; it waits here while the sessions service is being split.

/** The case as the viewer may see it: the reveal rules for the participant, everything for an admin. */
const BRIEF_SQL: Record<Viewer, string> = {
  self: 'public.session_brief(p.id)',
  admin: `(select jsonb_build_object('case_name', c.case_name, 'category', c.category, 'domain', c.domain, 'mark_scheme', k.mark_scheme)
             from public.cases c left join public.case_content k on k.case_id = c.id where c.id = p.case_id)`,
};

/** The person's role in a session, for a row aliased `p` and the person as `$1`. */
const ROLE_SQL = `case when (p.host_id is not distinct from $1) = (p.host_role = 'candidate') then 'candidate' else 'actor' end`;

/** When a completed station ended: the assessment's completion, else the phase change. */
const COMPLETED_AT_SQL = `case when p.status = 'completed' then coalesce(a.completed_at, p.phase_started_at, p.updated_at) end`;

interface SessionFactRow {
  id: string;
  datetime_utc: Date;
  status: SessionFact['status'];
  role: SessionFact['role'];
  completed_at: Date | null;
  partner_id: string | null;
  partner_first_name: string | null;
  partner_last_name: string | null;
  brief: { case_name?: string | null; category?: string | null; domain?: string | null; mark_scheme?: { domains?: { id: string; name: string }[] } | null } | null;
  has_assessment: boolean;
  marks: Record<string, number> | null;
  global_rating: string | null;
  strengths: string | null;
  improvements: string | null;
  self_reflection: string | null;
}

/** Every session the person hosted or joined, with its assessment where the viewer may read it. */
async function sessionFacts(tx: Queryable, userId: string, viewer: Viewer): Promise<SessionFact[]> {
  const { rows } = await tx.query<SessionFactRow>(
    `select p.id, p.datetime_utc, p.status, ${ROLE_SQL} as role, ${COMPLETED_AT_SQL} as completed_at,
            pr.user_id as partner_id, pr.first_name as partner_first_name, pr.last_name as partner_last_name,
            ${BRIEF_SQL[viewer]} as brief,
            (a.session_id is not null) as has_assessment, a.marks, a.global_rating, a.strengths, a.improvements, a.self_reflection
       from public.practice_sessions p
       left join public.session_assessments a on a.session_id = p.id
       left join public.profiles pr on pr.user_id = case when p.host_id = $1 then p.guest_id else p.host_id end
      where p.host_id = $1 or p.guest_id = $1
      order by p.datetime_utc desc, p.id`,
    [userId],
  );
  return rows.map((r) => ({
    id: r.id,
    datetime_utc: r.datetime_utc,
    status: r.status,
    role: r.role,
    completed_at: r.completed_at,
    partner: r.partner_id ? { user_id: r.partner_id, first_name: r.partner_first_name ?? '', last_name: r.partner_last_name ?? '' } : null,
    case_name: r.brief?.case_name ?? null,
    category: r.brief?.category ?? null,
    domain: r.brief?.domain ?? null,
    scheme_domains: r.brief?.mark_scheme?.domains?.map((d) => ({ id: d.id, name: d.name })) ?? null,
    assessment: r.has_assessment
      ? {
          marks: r.marks ?? {},
          global_rating: r.global_rating,
          strengths: r.strengths ?? '',
          improvements: r.improvements ?? '',
          self_reflection: r.self_reflection ?? '',
        }
      : null,
  }));
}

interface ExportSessionRow {
  id: string;
  role: SessionRole;
  host_id: string | null;
  guest_id: string | null;
  candidate_id: string | null;
  host_role: string;
  datetime_utc: Date;
  type: string;
  status: string;
  phase: string;
  preset: string;
  reading_s: number;
  consultation_s: number;
  feedback_s: number;
  warning_s: number | null;
  station_started_at: Date | null;
  completed_at: Date | null;
  previous_session_id: string | null;
  created_at: Date;
  updated_at: Date;
  /** session_case_id(): the case id only where the reveal rules give it to the caller. */
  case_id: string | null;
  /** session_brief(): what the caller may read of the case right now. */
  brief: Record<string, unknown> | null;
  gaps: unknown[];
}

/** The caller's sessions, as the caller: the case only through session_case_id() and session_brief(). */
async function exportSessions(tx: Queryable, userId: string): Promise<ExportSessionRow[]> {
  const { rows } = await tx.query<ExportSessionRow>(
    `select p.id, ${ROLE_SQL} as role, p.host_id, p.guest_id, p.candidate_id, p.host_role, p.datetime_utc, p.type, p.status, p.phase,
            p.preset, p.reading_s, p.consultation_s, p.feedback_s, p.warning_s, p.station_started_at, ${COMPLETED_AT_SQL} as completed_at,
            p.previous_session_id, p.created_at, p.updated_at,
            public.session_case_id(p.id) as case_id, public.session_brief(p.id) as brief,
            coalesce((select json_agg(json_build_object('phase', g.phase, 'reason', g.reason, 'user_id', g.user_id,
                        'started_at', g.started_at, 'ended_at', g.ended_at) order by g.started_at)
                        from public.session_station_gaps g where g.session_id = p.id), '[]'::json) as gaps
       from public.practice_sessions p
       left join public.session_assessments a on a.session_id = p.id
      where p.host_id = $1 or p.guest_id = $1
      order by p.datetime_utc, p.id`,
    [userId],
  );
  return rows;
}

/** The transcript lines of these sessions, each session's in order. */
async function exportTranscriptSegments(tx: Queryable, sessionIds: string[]) {
  if (sessionIds.length === 0) return [];
  const { rows } = await tx.query<{ session_id: string; speaker: string; at_ms: number; text: string; author_id: string; created_at: Date }>(
    `select session_id, speaker, at_ms, text, author_id, created_at from public.session_transcript_segments
      where session_id = any($1::uuid[]) order by session_id, at_ms, created_at`,
    [sessionIds],
  );
  return rows;
}
