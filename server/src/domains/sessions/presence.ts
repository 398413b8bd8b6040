import type { Logger } from 'pino';

/**
 * Watches who is in a station's room. A participant whose last socket leaves has `graceMs` to come
 * back (a reload, a network blip) before the station's clock stops; the stop is dated from the
 * moment they left, so the time they lost is credited. When both are back the clock runs on.
 * Every arrival and departure is also passed on at once (`onChange`), so the room can say whether
 * the partner is there; that is never stored.
 *
 * Presence is asked of the realtime layer (every instance, with the Redis adapter) rather than
 * counted here, so a participant who reconnects to another server is seen as back.
 */
export function createPresenceWatch({
  usersInSession,
  onDropped,
  onPresent,
  onChange,
  graceMs,
  logger,
}: {
  usersInSession: (sessionId: string) => Promise<Set<string>>;
  onDropped: (sessionId: string, userId: string, droppedAt: Date) => Promise<unknown>;
  onPresent: (sessionId: string, present: ReadonlySet<string>) => Promise<unknown>;
  /** Who has the room open now, after someone arrived or left. */
  onChange: (sessionId: string, present: ReadonlySet<string>) => void;
  graceMs: number;
  logger: Logger;
}) {
  const timers = new Map<string, NodeJS.Timeout>();
  let closed = false;
  const key = (sessionId: string, userId: string) => `${sessionId}:${userId}`;

  const report = (what: string, sessionId: string) => (err: unknown) => logger.error({ err, session_id: sessionId }, `presence: ${what} failed`);

  return {
    /** A participant's socket joined the session's room. */
    joined(sessionId: string) {
      if (closed) return;
      void usersInSession(sessionId)
        .then((present) => {
          // Closed while asking (a shutdown): the realtime layer is going, so nothing more is sent.
          if (closed) return;
          onChange(sessionId, present);
          return onPresent(sessionId, present);
        })
        .catch(report('resume check', sessionId));
    },

    /** A participant's socket that had joined the room disconnected. */
    left(sessionId: string, userId: string, at = new Date()) {
      if (closed) return;
      void usersInSession(sessionId)
        .then((present) => {
          // As above: an emit after shutdown would go to a closed Redis connection, unhandled.
          if (!closed) onChange(sessionId, present);
        })
        .catch(report('presence update', sessionId));
      const k = key(sessionId, userId);
      clearTimeout(timers.get(k));
      const timer = setTimeout(() => {
        timers.delete(k);
        if (closed) return;
        void usersInSession(sessionId)
          .then((present) => (present.has(userId) ? undefined : onDropped(sessionId, userId, at)))
          .catch(report('drop check', sessionId));
      }, graceMs);
      timer.unref();
      timers.set(k, timer);
    },

    /** On shutdown: sockets closing because this server stops are not participants dropping out. */
    close() {
      closed = true;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}

export type PresenceWatch = ReturnType<typeof createPresenceWatch>;
