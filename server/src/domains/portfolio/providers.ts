// What the portfolio domain adds to the app: the caller's portfolio, its printable page and the
// personal-data export, all put together from the other domains' providers.
import { defineDomain } from '../registry.js';
import { portfolioRoutes } from './routes.js';
import { createPortfolioService, type PortfolioService } from './service.js';

declare module '../registry.js' {
  interface DomainServices {
    portfolio: PortfolioService;
  }
}

export const portfolioDomain = defineDomain({
  name: 'portfolio',
  services: ({ db, providers }) => createPortfolioService({ db, providers }),
  mounts: [{ path: '/portfolio', routes: ({ portfolio }) => portfolioRoutes({ portfolio }) }],
});
