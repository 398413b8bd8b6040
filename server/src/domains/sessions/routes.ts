import { Router, type Request } from 'express';
import { z } from 'zod';
import { AssessmentMarksSchema, SelfReflectionSchema, BoardQuerySchema, SessionCreateSchema, SessionSignupSchema, SessionUpdateSchema, TranscriptSegmentInputSchema, type BoardQuery, type SessionSignupResult } from '../../contract/sessions.js';
import { caller, requireUser } from '../../http/auth.js';
import { idOf, withId } from '../../http/params.js';
import { sendPrepared } from '../../http/prepared-json.js';
import { parseOrThrow, validateBody, validateParams, validateQuery } from '../../http/validate.js';
import type { AssessmentsPort } from './assessments.port.js';
import type { SessionsService } from './service.js';

export function sessionsRoutes({ sessions, assessments, appUrl }: { sessions: SessionsService; assessments: AssessmentsPort; appUrl: (req: Request) => string }) {
  const router = Router();

  router.get('/', validateQuery(BoardQuerySchema), async (req, res) => {
    sendPrepared(req, res, await sessions.board(req.auth, res.locals.query as BoardQuery));
  });

  router.get('/mine', requireUser, async (req, res) => {
    res.json(await sessions.mine(caller(req)));
  });

  router.post('/', requireUser, validateBody(SessionCreateSchema), async (req, res) => {
    res.status(201).json(await sessions.publish(caller(req), req.body));
  });

  router.get('/:id', withId, async (req, res) => {
    res.json(await sessions.get(req.auth, idOf(res)));
  });

  router.patch('/:id', requireUser, withId, validateBody(SessionUpdateSchema), async (req, res) => {
    res.json(await sessions.update(caller(req), idOf(res), req.body));
  });

  router.delete('/:id', requireUser, withId, async (req, res) => {
    await sessions.cancel(caller(req), idOf(res));
    res.status(204).end();
  });

  router.post('/:id/signup', requireUser, withId, validateBody(SessionSignupSchema), async (req, res) => {
    const session = await sessions.signup(caller(req), idOf(res), req.body.version);
    res.json({ session } satisfies SessionSignupResult);
  });

  router.delete('/:id/signup', requireUser, withId, async (req, res) => {
    res.json(await sessions.withdraw(caller(req), idOf(res)));
  });

  router.get('/:id/brief', requireUser, withId, async (req, res) => {
    res.json(await sessions.brief(caller(req), idOf(res)));
  });

  router.get('/:id/transcript', requireUser, withId, async (req, res) => {
    res.json(await sessions.transcript(caller(req), idOf(res)));
  });

  router.post('/:id/transcript/segments', requireUser, withId, validateBody(TranscriptSegmentInputSchema), async (req, res) => {
    res.status(201).json(await sessions.appendSegment(caller(req), idOf(res), req.body));
  });

  router.get('/:id/assessment', requireUser, withId, async (req, res) => {
    res.json(await assessments.get(caller(req), idOf(res)));
  });

  router.get('/:id/assessment/attempts', requireUser, withId, async (req, res) => {
    res.json(await assessments.attempts(caller(req), idOf(res)));
  });

  // The actor sends marks and feedback; the candidate sends { self_reflection }.
  router.put('/:id/assessment', requireUser, withId, async (req, res) => {
    const id = idOf(res);
    if (req.body && typeof req.body === 'object' && 'self_reflection' in req.body) {
      const { self_reflection } = parseOrThrow(SelfReflectionSchema, req.body);
      res.json(await assessments.putReflection(caller(req), id, self_reflection));
    } else {
      res.json(await assessments.putMarks(caller(req), id, parseOrThrow(AssessmentMarksSchema, req.body ?? {})));
    }
  });

  router.post('/:id/video', requireUser, withId, async (req, res) => {
    res.json(await sessions.video(caller(req), idOf(res)));
  });

  router.get('/:id/calendar.ics', requireUser, withId, async (req, res) => {
    const ics = await sessions.calendar(caller(req), idOf(res), appUrl(req));
    res.setHeader('content-type', 'text/calendar; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="practice-session.ics"');
    res.send(ics);
  });

  return router;
}

const RoomParams = z.object({ token: z.string().regex(/^[0-9a-f]{64}$/, { message: 'Not a room link' }) });

/** `/api/rooms/:token`: the session behind a room link, for its participants. */
export function roomsRoutes({ sessions }: { sessions: SessionsService }) {
  const router = Router();
  router.get('/:token', requireUser, async (req, res) => {
    const { token } = parseOrThrow(RoomParams, req.params, 'Path');
    res.json(await sessions.byRoom(caller(req), token));
  });
  return router;
}
