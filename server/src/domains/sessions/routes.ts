import { Router, type Request } from 'express';
import { z } from 'zod';
import { AssessmentMarksSchema, SelfReflectionSchema, BoardQuerySchema, SessionCreateSchema, SessionSignupSchema, SessionUpdateSchema, TranscriptSegmentInputSchema, type BoardQuery, type SessionSignupResult } from '../../contract/sessions.js';
import { caller, requireUser } from '../../http/auth.js';
import { validateBody, validateParams, validateQuery } from '../../http/validate.js';
import type { SessionsService } from './service.js';
import type { AssessmentsService } from '../assessments/service.js';
import { parseOrThrow } from '../../http/validate.js';

const IdParams = z.object({ id: z.uuid({ message: 'Not a valid id' }) });

export function sessionsRoutes({ sessions, assessments, appUrl }: { sessions: SessionsService; assessments: AssessmentsService; appUrl: (req: Request) => string }) {
  const router = Router();

  router.get('/', validateQuery(BoardQuerySchema), async (req, res) => {
    res.json(await sessions.board(req.auth, res.locals.query as BoardQuery));
  });

  router.get('/mine', requireUser, async (req, res) => {
    res.json(await sessions.mine(caller(req)));
  });

  router.post('/', requireUser, validateBody(SessionCreateSchema), async (req, res) => {
    res.status(201).json(await sessions.publish(caller(req), req.body));
  });

  router.get('/:id', validateParams(IdParams), async (req, res) => {
    res.json(await sessions.get(req.auth, req.params.id as string));
  });

  router.patch('/:id', requireUser, validateParams(IdParams), validateBody(SessionUpdateSchema), async (req, res) => {
    res.json(await sessions.update(caller(req), req.params.id as string, req.body));
  });

  router.delete('/:id', requireUser, validateParams(IdParams), async (req, res) => {
    await sessions.cancel(caller(req), req.params.id as string);
    res.status(204).end();
  });

  router.post('/:id/signup', requireUser, validateParams(IdParams), validateBody(SessionSignupSchema), async (req, res) => {
    const session = await sessions.signup(caller(req), req.params.id as string, req.body.version);
    res.json({ session } satisfies SessionSignupResult);
  });

  router.delete('/:id/signup', requireUser, validateParams(IdParams), async (req, res) => {
    res.json(await sessions.withdraw(caller(req), req.params.id as string));
  });

  router.get('/:id/brief', requireUser, validateParams(IdParams), async (req, res) => {
    res.json(await sessions.brief(caller(req), req.params.id as string));
  });

  router.get('/:id/transcript', requireUser, validateParams(IdParams), async (req, res) => {
    res.json(await sessions.transcript(caller(req), req.params.id as string));
  });

  router.post('/:id/transcript/segments', requireUser, validateParams(IdParams), validateBody(TranscriptSegmentInputSchema), async (req, res) => {
    res.status(201).json(await sessions.appendSegment(caller(req), req.params.id as string, req.body));
  });

  router.get('/:id/assessment', requireUser, validateParams(IdParams), async (req, res) => {
    res.json(await assessments.get(caller(req), req.params.id as string));
  });

  // The actor sends marks and feedback; the candidate sends { self_reflection }.
  router.put('/:id/assessment', requireUser, validateParams(IdParams), async (req, res) => {
    const id = req.params.id as string;
    if (req.body && typeof req.body === 'object' && 'self_reflection' in req.body) {
      const { self_reflection } = parseOrThrow(SelfReflectionSchema, req.body);
      res.json(await assessments.putReflection(caller(req), id, self_reflection));
    } else {
      res.json(await assessments.putMarks(caller(req), id, parseOrThrow(AssessmentMarksSchema, req.body ?? {})));
    }
  });

  router.post('/:id/video', requireUser, validateParams(IdParams), async (req, res) => {
    res.json(await sessions.video(caller(req), req.params.id as string));
  });

  router.get('/:id/calendar.ics', requireUser, validateParams(IdParams), async (req, res) => {
    const ics = await sessions.calendar(caller(req), req.params.id as string, appUrl(req));
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
  router.get('/:token', requireUser, validateParams(RoomParams), async (req, res) => {
    res.json(await sessions.byRoom(caller(req), req.params.token as string));
  });
  return router;
}
