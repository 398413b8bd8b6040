import { Router } from 'express';
import type { z } from 'zod';
import {
  AppointmentCreateSchema,
  AppointmentListQuerySchema,
  AppointmentOutcomeSchema,
  AppointmentRebookSchema,
  BankHolidaysQuerySchema,
  BookingStatsQuerySchema,
  CapacityQuerySchema,
  ClinicCreateSchema,
  ClinicDayQuerySchema,
  ClinicListQuerySchema,
  ClinicUpdateSchema,
  SlotGenerateSchema,
  SlotListQuerySchema,
  SlotUpdateSchema,
  type AppointmentListQuery,
  type SlotListQuery,
} from '../../contract/booking.js';
import { caller, requireUser } from '../../http/auth.js';
import { idOf, withId } from '../../http/params.js';
import { validateBody, validateQuery } from '../../http/validate.js';
import { resourceRoutes } from '../../kit/resource-routes.js';
import type { BookingService } from './service.js';

/**
 * `/api/booking`: clinic templates (the kit's five routes, slot generation and the day list),
 * slots, appointments with outcomes and rebooking, bank holidays, the week's capacity and the
 * statistics. Thin: each handler validates, calls one service function and answers.
 */
export function bookingRoutes({ booking }: { booking: BookingService }) {
  const router = Router();
  router.use(requireUser);

  const clinics = Router();
  clinics.post('/:id/slots', withId, validateBody(SlotGenerateSchema), async (req, res) => {
    res.status(201).json(await booking.clinics.generateSlots(caller(req), idOf(res), req.body));
  });
  clinics.get('/:id/day', withId, validateQuery(ClinicDayQuerySchema), async (req, res) => {
    res.json(await booking.clinics.day(caller(req), idOf(res), (res.locals.query as z.output<typeof ClinicDayQuerySchema>).date));
  });
  router.use('/clinics', resourceRoutes(booking.clinics, { list: ClinicListQuerySchema, create: ClinicCreateSchema, update: ClinicUpdateSchema }, clinics));

  router.get('/bank-holidays', validateQuery(BankHolidaysQuerySchema), (req, res) => {
    res.json(booking.bankHolidays((res.locals.query as z.output<typeof BankHolidaysQuerySchema>).year));
  });

  router.get('/slots', validateQuery(SlotListQuerySchema), async (req, res) => {
    res.json(await booking.slots.list(caller(req), res.locals.query as SlotListQuery));
  });
  router.patch('/slots/:id', withId, validateBody(SlotUpdateSchema), async (req, res) => {
    res.json(await booking.slots.update(caller(req), idOf(res), req.body));
  });

  const { appointments } = booking;
  router.get('/appointments', validateQuery(AppointmentListQuerySchema), async (req, res) => {
    res.json(await appointments.list(caller(req), res.locals.query as AppointmentListQuery));
  });
  router.post('/appointments', validateBody(AppointmentCreateSchema), async (req, res) => {
    res.status(201).json(await appointments.book(caller(req), req.body));
  });
  router.get('/appointments/:id', withId, async (req, res) => {
    res.json(await appointments.get(caller(req), idOf(res)));
  });
  router.delete('/appointments/:id', withId, async (req, res) => {
    await appointments.remove(caller(req), idOf(res));
    res.status(204).end();
  });
  router.post('/appointments/:id/outcome', withId, validateBody(AppointmentOutcomeSchema), async (req, res) => {
    res.json(await appointments.outcome(caller(req), idOf(res), req.body));
  });
  router.delete('/appointments/:id/outcome', withId, async (req, res) => {
    res.json(await appointments.undoOutcome(caller(req), idOf(res)));
  });
  router.post('/appointments/:id/rebook', withId, validateBody(AppointmentRebookSchema), async (req, res) => {
    res.status(201).json(await appointments.rebook(caller(req), idOf(res), req.body));
  });

  router.get('/capacity', validateQuery(CapacityQuerySchema), async (req, res) => {
    res.json(await booking.capacity(caller(req), res.locals.query as z.output<typeof CapacityQuerySchema>));
  });
  router.get('/stats', validateQuery(BookingStatsQuerySchema), async (req, res) => {
    res.json(await booking.stats(caller(req), res.locals.query as z.output<typeof BookingStatsQuerySchema>));
  });

  return router;
}
