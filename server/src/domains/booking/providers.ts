// What the clinic booking module adds to the app: clinics, slots and appointments under
// /api/booking (outcomes write RTT events through the PTL's services), the person's rows in their
// personal-data export, and the module's counts in their portfolio.
import { todayInEngland } from '../../kit/dates.js';
import { defineDomain } from '../registry.js';
import { bookingRoutes } from './routes.js';
import { createBookingService, type BookingService } from './service.js';

declare module '../registry.js' {
  interface DomainServices {
    booking: BookingService;
  }
}

export const bookingDomain = defineDomain({
  name: 'booking',
  services: ({ db }, domains) => createBookingService({ db, ptl: domains.get('ptl'), today: () => todayInEngland() }),
  mounts: [{ path: '/booking', routes: ({ booking }) => bookingRoutes({ booking }) }],
  providers: ({ booking }) => ({
    exportFor: (tx, userId) => booking.exportFor(tx, userId),
    portfolioFacts: async (tx, userId) => ({ modules: { booking: await booking.portfolioFacts(tx, userId) } }),
  }),
});
