// The domain registry. domains/index.ts lists the domains; start-up (server.ts) builds them with
// buildDomains(), and app.ts mounts the routers they return. Nothing here knows any one domain.
//
// A domain is one definition, exported from its folder's providers.ts:
//
//   export const casesDomain = defineDomain({
//     name: 'cases',                                           // its key in DomainServices
//     services: (deps, domains) => createCasesService(...),    // from the shared deps (and, by name, an earlier domain's services)
//     mounts: [{ path: '/cases', routes: (s) => casesRoutes({ cases: s.cases }) }],   // under /api
//     sockets: (s, deps) => ({ register(socket) {…}, close() {…} }),                 // Socket.IO handlers
//     background: (s, deps) => ({ tick, stop }),                                     // work from listen to close
//     providers: (s, deps) => ({ exportFor, portfolioFacts, onErase }),              // see DomainProviders
//   });
//
// Every field but `name` is optional (a domain without services is a plain DomainDefinition; with
// services, defineDomain() checks them against its DomainServices entry). Adding a domain is its
// definition plus one import and one line in domains/index.ts.
//
// Domains never import each other's services, repositories or routes. One domain's routes or
// factory reaches another's services through the typed DomainServices below; the documents about
// one person (the export, the portfolio) and leaving the platform go through the providers. The one
// exception is the pure rule engines, which are data in, answers out, with no I/O: the RTT clock
// (ptl/clock.ts) and the cancer clocks (cancer/clocks.ts, and their SQL twin clock-sql.ts) are read
// by the auditor (quality), the monthly return (reports) and the admin monitor, so that every
// module counts a wait the same way.
import type { Request, Router } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Db, Queryable } from '../db/types.js';
import type { Mailer } from '../mail/mailer.js';
import type { RateLimitStores } from '../http/rate-limits.js';
import type { RealtimeGateway } from '../realtime/gateway.js';
import type { TypedSocket } from '../realtime/server.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { ExportPart, PortfolioFacts, Viewer } from './facts.js';

/**
 * Every domain's services, by domain name. Each domain adds its own entry, in its providers.ts:
 *
 *   declare module '../registry.js' { interface DomainServices { cases: CasesService } }
 *
 * so whoever is handed the services (a mount's routes, socket handlers, another domain's factory)
 * gets them typed without importing that domain.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainServices {}
export type DomainName = keyof DomainServices;

/** What every domain is built from. */
export interface SharedDeps {
  config: Config;
  db: Db;
  logger: Logger;
  /** The one typed way to reach connected clients (realtime/gateway.ts). */
  realtime: RealtimeGateway;
  /** The assessments bucket: Supabase Storage or files under DATA_DIR. */
  storage: BlobStore;
  mailer: Mailer;
  /** Where rate limits count: shared across instances (Redis) when there is one, else in memory. */
  rateLimitStores: RateLimitStores | undefined;
  /**
   * Drops the sign-ins this instance keeps in memory, at once, after a write that ends one or
   * changes whom it speaks for (other instances hear the database's notification).
   */
  forgetSignIns: () => void;
  /** Every domain's providers put together; usable once start-up has built all the domains. */
  providers: ComposedProviders;
}

/** What a domain contributes to the documents about one person and to their leaving. */
export interface DomainProviders {
  /** Its sections of the personal-data export, read in the person's own transaction (RLS applies). */
  exportFor?(tx: Queryable, userId: string): Promise<ExportPart>;
  /** Its facts for the portfolio, read in the viewer's transaction (the person's, or an admin's). */
  portfolioFacts?(tx: Queryable, userId: string, viewer: Viewer): Promise<PortfolioFacts>;
  /**
   * What leaving does to its rows beyond the database's cascades: runs before the account is
   * deleted (to read what will change) and may return what to do once it is gone (tell the others,
   * rewrite stored files). It gets no transaction of the erasure's: the embedded database has one
   * connection, so a hook that opens its own (sessions' prepareErasure does) would wait forever
   * behind one held open around it.
   */
  onErase?(userId: string): Promise<AfterErase | void>;
}

export type AfterErase = () => Promise<void>;

/** All domains' providers as one: the parts merged, the erasure hooks run in list order. */
export interface ComposedProviders {
  exportFor(tx: Queryable, userId: string): Promise<ExportPart>;
  portfolioFacts(tx: Queryable, userId: string, viewer: Viewer): Promise<PortfolioFacts>;
  onErase(userId: string): Promise<AfterErase>;
}

/** What a mount's routes may use besides the services. */
export interface RouteDeps extends SharedDeps {
  /** The URL people open the app at, for links in mail and calendar files. */
  appUrl(req: Request): string;
}

export interface Mount {
  /** Where the router goes under /api, e.g. `/cases`. */
  path: `/${string}`;
  routes(services: DomainServices, deps: RouteDeps): Router;
}

/** Handlers added to every socket that connects, and what to release when the server closes. */
export interface SocketHandlers {
  register(socket: TypedSocket): void;
  close?(): void;
}

/** Work that runs from listen to close; `tick` runs it once now (tests use it instead of waiting). */
export interface Background {
  tick?(): Promise<void>;
  stop(): Promise<void>;
}

export interface DomainDefinition {
  name: string;
  /**
   * Builds its services. `domains.get(name)` gives a domain's listed before it (the order of
   * domains/index.ts); routes, sockets and providers are built after all services and get them all.
   */
  services?(deps: SharedDeps, domains: ServiceDirectory): object | Promise<object>;
  mounts?: readonly Mount[];
  sockets?(services: DomainServices, deps: SharedDeps): SocketHandlers;
  background?(services: DomainServices, deps: SharedDeps): Background;
  providers?(services: DomainServices, deps: SharedDeps): DomainProviders;
}

export interface ServiceDirectory {
  get<K extends DomainName>(name: K): DomainServices[K];
}

/** A definition whose `services` are checked against its own entry in DomainServices. */
export function defineDomain<K extends DomainName>(
  definition: Omit<DomainDefinition, 'name' | 'services'> & {
    name: K;
    services(deps: SharedDeps, domains: ServiceDirectory): DomainServices[K] | Promise<DomainServices[K]>;
  },
): DomainDefinition {
  return definition;
}

export interface BuiltDomains {
  services: DomainServices;
  providers: ComposedProviders;
  /** Every mount's router, in list order, for app.ts to put under /api. */
  routers(http: { appUrl(req: Request): string }): { path: string; router: Router }[];
  /** Socket handlers, in list order, for realtime.onConnection(). */
  socketHandlers: ((socket: TypedSocket) => void)[];
  /** Starts every domain's background work (once the server listens); `tick` runs all of it once. */
  start(): { tick(): Promise<void> };
  /** Stops the background work and releases what socket handlers hold. */
  close(): Promise<void>;
}

/**
 * Builds every domain, in list order: first all services, then their providers, sockets and
 * background work. The composed providers are handed to the services before the providers exist
 * (the sessions domain's erasure hook needs its own service, and the accounts service needs every
 * erasure hook); they are filled in here, before start-up ends, and refuse to run earlier.
 */
export async function buildDomains(list: readonly DomainDefinition[], base: Omit<SharedDeps, 'providers'>): Promise<BuiltDomains> {
  const names = new Set<string>();
  for (const d of list) {
    if (names.has(d.name)) throw new Error(`domains/index.ts lists the domain ${d.name} twice`);
    names.add(d.name);
  }
  const paths = list.flatMap((d) => d.mounts?.map((m) => m.path) ?? []);
  const twice = paths.find((p, i) => paths.indexOf(p) !== i);
  if (twice) throw new Error(`two domains mount ${twice}`);

  let parts: DomainProviders[] | undefined;
  const providers = composeProviders(() => {
    if (!parts) throw new Error('a provider was used before start-up had built every domain');
    return parts;
  });
  const deps: SharedDeps = { ...base, providers };

  const built = new Map<string, object>();
  const directory: ServiceDirectory = {
    get(name) {
      const found = built.get(name);
      if (!found) throw new Error(`the services of ${name} are not built yet: domains/index.ts must list ${name} before the domain that uses it`);
      return found as DomainServices[typeof name];
    },
  };
  for (const d of list) if (d.services) built.set(d.name, await d.services(deps, directory));
  // Each entry of DomainServices is declared beside the definition that builds it, and every
  // definition is listed in domains/index.ts: what was built is the whole directory.
  const services = Object.fromEntries(built) as unknown as DomainServices;

  parts = list.flatMap((d) => (d.providers ? [d.providers(services, deps)] : []));
  const sockets = list.flatMap((d) => (d.sockets ? [d.sockets(services, deps)] : []));
  let running: Background[] = [];

  return {
    services,
    providers,
    routers: (http) => list.flatMap((d) => (d.mounts ?? []).map((m) => ({ path: m.path, router: m.routes(services, { ...deps, ...http }) }))),
    socketHandlers: sockets.map((s) => (socket: TypedSocket) => s.register(socket)),
    start() {
      running = list.flatMap((d) => (d.background ? [d.background(services, deps)] : []));
      return {
        async tick() {
          for (const b of running) await b.tick?.();
        },
      };
    },
    async close() {
      for (const s of sockets) s.close?.();
      for (const b of running) await b.stop();
    },
  };
}

/**
 * Merges parts given under distinct keys; a key from two domains is a wiring mistake. `modules`
 * (the portfolio's per-module activity) is the one key every module adds to, one module id each.
 */
function merge<T extends object>(into: T, part: T | void): T {
  for (const [key, value] of Object.entries(part ?? {})) {
    if (key === 'modules' && key in into) {
      merge((into as Record<string, object>)[key]!, value as object);
      continue;
    }
    if (key in into) throw new Error(`two domains provide "${key}"`);
    (into as Record<string, unknown>)[key] = key === 'modules' ? { ...(value as object) } : value;
  }
  return into;
}

function composeProviders(all: () => readonly DomainProviders[]): ComposedProviders {
  return {
    // One transaction serves one query at a time: the domains take turns, in list order.
    async exportFor(tx, userId) {
      const doc: ExportPart = {};
      for (const p of all()) if (p.exportFor) merge(doc, await p.exportFor(tx, userId));
      return doc;
    },
    async portfolioFacts(tx, userId, viewer) {
      const facts: PortfolioFacts = {};
      for (const p of all()) if (p.portfolioFacts) merge(facts, await p.portfolioFacts(tx, userId, viewer));
      return facts;
    },
    async onErase(userId) {
      const after: AfterErase[] = [];
      for (const p of all()) {
        const then = await p.onErase?.(userId);
        if (then) after.push(then);
      }
      return async () => {
        for (const then of after) await then();
      };
    },
  };
}
