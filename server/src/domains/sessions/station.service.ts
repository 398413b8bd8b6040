import type { ParticipantSession, SessionPhase } from '../../contract/sessions.js';
import type { Db, Queryable } from '../../db/types.js';
import { conflict, forbidden, validationFailed } from '../../errors.js';
import type { RealtimeGateway } from '../../realtime/gateway.js';
import { missing, participantRow, type SessionActor } from './access.js';
import type { SessionBroadcasts } from './broadcast.js';
import { presentParticipantSession, roleOf } from './present.js';
import * as repo from './repo.js';
import * as admin from './sessions.admin.repo.js';
import {
  advance as advanceStation,
  catchUp,
  isPausable,
  pause as pauseStation,
  resume as resumeStation,
  START_WINDOW_MS,
  StationError,
  type StationState,
} from './state-machine.js';

function stationOf(r: repo.SessionRow): StationState {
  return {
    status: r.status as StationState['status'],
    phase: r.phase as SessionPhase,
    phase_started_at: r.phase_started_at,
    phase_ends_at: r.phase_ends_at,
    paused_at: r.paused_at,
  };
}

function timingOf(r: repo.SessionRow) {
  return { reading_s: r.reading_s, consultation_s: r.consultation_s, feedback_s: r.feedback_s, warning_s: r.warning_s };
}

/**
 * The station's clock: its phases, pauses, the participants' presence and the station after it.
 * Every change is checked as the caller (or comes from the scheduler or presence watch) and applied
 * as the owner under a row lock, after catching up on any phase that ran out; clients cannot change
 * phases at all.
 */
export function createStationService({
  db,
  broadcast,
  realtime,
  completed,
}: {
  db: Db;
  broadcast: SessionBroadcasts;
  realtime: RealtimeGateway;
  /** Runs after a change, with the rows changed; those that completed get their documents stored. */
  completed: (rows: repo.SessionRow[]) => Promise<void>;
}) {
  /** The caller's row, as the caller; only the actor runs the station. */
  async function asActor(auth: SessionActor, id: string) {
    const seen = await db.asUser(auth.claims, (tx) => participantRow(tx, id));
    if (roleOf(seen, auth.account.id) !== 'actor') throw forbidden('The actor runs the station');
    return seen;
  }

  /**
   * Applies `change` as the owner, with the row locked and caught up on any phase that ran out; a
   * move the state machine refuses is a 409.
   */
  function underLock(id: string, now: Date, change: (tx: Queryable, current: StationState, locked: repo.SessionRow) => Promise<repo.SessionRow>) {
    return db.transaction(async (tx) => {
      const locked = await admin.lockSession(tx, id);
      if (!locked) throw missing();
      try {
        return await change(tx, catchUp(stationOf(locked), now, timingOf(locked)), locked);
      } catch (err) {
        if (err instanceof StationError) throw conflict(err.message);
        throw err;
      }
    });
  }

  /** Pause or resume, by the actor: checked as the caller, applied as the owner under a row lock. */
  async function changeClock(auth: SessionActor, id: string, now: Date, change: (tx: Queryable, current: StationState) => Promise<repo.SessionRow>) {
    await asActor(auth, id);
    const row = await underLock(id, now, change);
    broadcast.state(row);
    await completed([row]);
    return row;
  }

  return {
    /** The actor starts the station or moves it on. */
    async advance(auth: SessionActor, id: string, to: SessionPhase, now = new Date()): Promise<ParticipantSession> {
      const seen = await asActor(auth, id);
      if (to === 'reading') {
        if (!seen.case_id) throw validationFailed('Choose the case before starting the station', [{ path: 'case_id', message: 'No case chosen yet' }]);
        if (now.getTime() < seen.datetime_utc.getTime() - START_WINDOW_MS) {
          throw validationFailed('Too early: the station can start from 15 minutes before its planned time');
        }
      }
      const row = await underLock(id, now, async (tx, caughtUp, locked) => {
        let current = caughtUp;
        // Moving on early ends a pause: the gap closes now and the next phase runs at once.
        if (current.paused_at && current.phase !== to) {
          await admin.closeGap(tx, id, now);
          current = resumeStation(current, now);
        }
        return admin.saveStation(tx, id, advanceStation(current, to, now, timingOf(locked)), { startedAt: current.phase === 'waiting' ? now : null });
      });
      broadcast.state(row);
      if (to === 'reading') realtime.toBoard().emit('board:remove', { id });
      await completed([row]);
      return presentParticipantSession(row, auth.account.id);
    },

    /** Advances every station whose phase ran out and records no-shows; returns how many changed. Run by the scheduler. */
    async advanceExpired(now = new Date()): Promise<number> {
      const { changed, noShows } = await db.transaction(async (tx) => {
        const rows = await admin.lockExpired(tx, 50);
        const saved: repo.SessionRow[] = [];
        for (const r of rows) saved.push(await admin.saveStation(tx, r.id, catchUp(stationOf(r), now, timingOf(r))));
        return { changed: saved, noShows: await admin.markNoShows(tx) };
      });
      for (const row of [...changed, ...noShows]) broadcast.state(row);
      for (const row of noShows) realtime.toBoard().emit('board:remove', { id: row.id });
      await completed(changed);
      return changed.length + noShows.length;
    },

    /** The actor stops the clock by hand (reading or consultation). */
    async pause(auth: SessionActor, id: string, now = new Date()): Promise<ParticipantSession> {
      const row = await changeClock(auth, id, now, async (tx, current) => {
        if (!isPausable(current)) throw new StationError(current.paused_at ? 'The station is already paused' : 'The clock can be paused during reading and consultation');
        const paused = pauseStation(current, now);
        await admin.openGap(tx, { sessionId: id, phase: current.phase, reason: 'actor', userId: auth.account.id, startedAt: paused.paused_at! });
        return admin.saveStation(tx, id, paused, { pauseReason: 'actor' });
      });
      return presentParticipantSession(row, auth.account.id);
    },

    /** The actor starts the clock again, whatever stopped it (they may go on without the other). */
    async resume(auth: SessionActor, id: string, now = new Date()): Promise<ParticipantSession> {
      const row = await changeClock(auth, id, now, async (tx, current) => {
        if (!current.paused_at) throw new StationError('The station is not paused');
        await admin.closeGap(tx, id, now);
        return admin.saveStation(tx, id, resumeStation(current, now));
      });
      return presentParticipantSession(row, auth.account.id);
    },

    /**
     * A participant has been gone for the grace period since `droppedAt`: a running reading or
     * consultation stops, counted from the drop so the lost time is credited in full.
     */
    async participantDropped(id: string, userId: string, droppedAt: Date, now = new Date()): Promise<boolean> {
      const row = await db.transaction(async (tx) => {
        const locked = await admin.lockSession(tx, id);
        if (!locked || (locked.host_id !== userId && locked.guest_id !== userId)) return null;
        const current = catchUp(stationOf(locked), now, timingOf(locked));
        if (!isPausable(current)) {
          return current.phase !== locked.phase ? admin.saveStation(tx, id, current) : null;
        }
        const paused = pauseStation(current, droppedAt);
        await admin.openGap(tx, { sessionId: id, phase: current.phase, reason: 'disconnect', userId, startedAt: paused.paused_at! });
        return admin.saveStation(tx, id, paused, { pauseReason: 'disconnect' });
      });
      if (!row) return false;
      broadcast.state(row);
      await completed([row]);
      return row.paused_at !== null;
    },

    /** Both participants are in the room again: a station stopped by a dropped connection runs on. */
    async participantsPresent(id: string, present: ReadonlySet<string>, now = new Date()): Promise<boolean> {
      const row = await db.transaction(async (tx) => {
        const locked = await admin.lockSession(tx, id);
        if (!locked || locked.pause_reason !== 'disconnect' || !locked.guest_id) return null;
        if (!locked.host_id || !present.has(locked.host_id) || !present.has(locked.guest_id)) return null;
        await admin.closeGap(tx, id, now);
        return admin.saveStation(tx, id, resumeStation(stationOf(locked), now));
      });
      if (!row) return false;
      broadcast.state(row);
      return true;
    },

    /**
     * After a completed station, the next one in the same room: the same pair with roles swapped and
     * no case yet (the new actor picks). Either participant may start it; asking twice finds the same one.
     */
    async next(auth: SessionActor, id: string): Promise<ParticipantSession> {
      const row = await db.asUser(auth.claims, async (tx) => {
        const nextId = await repo.startNextStation(tx, id);
        return participantRow(tx, nextId);
      });
      broadcast.state(row);
      // The finished station's view now names its successor, so the other participant's room follows.
      const previous = await db.asUser(auth.claims, (tx) => repo.findOwnSession(tx, id));
      if (previous) broadcast.state(previous);
      return presentParticipantSession(row, auth.account.id);
    },
  };
}
