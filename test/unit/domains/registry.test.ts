import { Router } from 'express';
import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../../server/src/db/types.js';
import { domains } from '../../../server/src/domains/index.js';
import { buildExport } from '../../../server/src/domains/portfolio/export.js';
import { portfolioInput } from '../../../server/src/domains/portfolio/build.js';
import { buildDomains, type DomainDefinition, type SharedDeps } from '../../../server/src/domains/registry.js';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../../server/src/contract/portfolio.js';

/** Nothing the synthetic domains below touch: building them must not reach for any of it. */
const base = {} as Omit<SharedDeps, 'providers'>;
const tx = {} as Queryable;
const account = { id: 'u1', email: 'a@example.test', role: 'trainee' as const, created_at: '2026-01-01T00:00:00.000Z', last_seen_at: null };

describe('the domain list', () => {
  it('names each domain once and mounts each path once', () => {
    const names = domains.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    const paths = domains.flatMap((d) => d.mounts?.map((m) => m.path) ?? []);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(expect.arrayContaining(['/auth', '/profiles', '/ptl', '/cases', '/sessions', '/rooms', '/records', '/portfolio', '/admin']));
  });
});

describe('buildDomains', () => {
  it('refuses a domain listed twice and a path mounted twice', async () => {
    const a: DomainDefinition = { name: 'a', mounts: [{ path: '/a', routes: () => Router() }] };
    await expect(buildDomains([a, a], base)).rejects.toThrow(/lists the domain a twice/);
    await expect(buildDomains([a, { ...a, name: 'b' }], base)).rejects.toThrow(/two domains mount \/a/);
  });

  it('hands a factory the services of domains listed before it, and says so when the order is wrong', async () => {
    const first = { name: 'portfolio', services: () => ({ tag: 'built first' }) } as DomainDefinition;
    const second = { name: 'admin', services: (_deps, found) => ({ saw: found.get('portfolio') }) } as DomainDefinition;
    const built = await buildDomains([first, second], base);
    expect(built.services).toMatchObject({ admin: { saw: { tag: 'built first' } } });
    await expect(buildDomains([second, first], base)).rejects.toThrow(/must list portfolio before the domain that uses it/);
  });

  it('composes the providers: parts merged, a part given twice refused, erasure hooks before and after in list order', async () => {
    const calls: string[] = [];
    const one: DomainDefinition = {
      name: 'one',
      providers: () => ({
        exportFor: async () => ({ account }),
        portfolioFacts: async (_tx, userId, viewer) => ({ account: { user_id: userId, role: viewer, created_at: account.created_at } }),
        onErase: async (id) => {
          calls.push(`one prepares ${id}`);
          return async () => void calls.push('one tells the others');
        },
      }),
    };
    const two: DomainDefinition = {
      name: 'two',
      providers: () => ({
        exportFor: async () => ({ cases: [] }),
        onErase: async () => void calls.push('two prepares'),
      }),
    };
    const { providers } = await buildDomains([one, two], base);
    expect(await providers.exportFor(tx, 'u1')).toEqual({ account, cases: [] });
    expect(await providers.portfolioFacts(tx, 'u1', 'admin')).toEqual({ account: { user_id: 'u1', role: 'admin', created_at: account.created_at } });
    const after = await providers.onErase('u1');
    expect(calls).toEqual(['one prepares u1', 'two prepares']);
    await after();
    expect(calls).toEqual(['one prepares u1', 'two prepares', 'one tells the others']);

    const clash: DomainDefinition = { name: 'three', providers: () => ({ exportFor: async () => ({ account }) }) };
    const clashing = await buildDomains([one, clash], base);
    await expect(clashing.providers.exportFor(tx, 'u1')).rejects.toThrow(/two domains provide "account"/);
  });

  it('refuses to run a provider while the domains are still being built', async () => {
    const eager: DomainDefinition = { name: 'eager', services: async (deps) => deps.providers.exportFor(tx, 'u1') };
    await expect(buildDomains([eager], base)).rejects.toThrow(/before start-up had built every domain/);
  });

  it('starts background work on start(), ticks it, and stops it and the socket handlers on close()', async () => {
    const log: string[] = [];
    const busy: DomainDefinition = {
      name: 'busy',
      sockets: () => ({ register: () => log.push('socket'), close: () => void log.push('sockets closed') }),
      background: () => ({ tick: async () => void log.push('tick'), stop: async () => void log.push('stopped') }),
    };
    const built = await buildDomains([busy], base);
    expect(built.socketHandlers).toHaveLength(1);
    expect(log).toEqual([]);
    await built.start().tick();
    await built.close();
    expect(log).toEqual(['tick', 'sockets closed', 'stopped']);
  });
});

describe('documents from the providers’ parts', () => {
  it('the export keeps the contract’s key order whatever order the parts come in, and empty sections for absent domains', () => {
    const doc = buildExport({ medical_records: [], cases: [], account }, new Date('2026-02-01T00:00:00Z'));
    expect(Object.keys(doc)).toEqual(['format', 'version', 'exported_at', 'account', 'profile', 'ptl', 'cases', 'sessions', 'transcripts', 'assessments', 'medical_records', 'trackers', 'secretary_tasks', 'cancer_pathways', 'mdt_meetings', 'rtt_returns', 'clinic_templates', 'clinic_slots', 'appointments', 'quality_audits', 'pathway_validations', 'audit_trail']);
    expect(doc).toMatchObject({ format: EXPORT_FORMAT, version: EXPORT_VERSION, profile: null, ptl: { pathways: [] }, sessions: [], transcripts: [], trackers: {}, secretary_tasks: [], audit_trail: [] });
    expect(() => buildExport({ cases: [] }, new Date())).toThrow(/No such account/);
  });

  it('the portfolio input has no person without the account, and nothing from domains that said nothing', () => {
    const now = new Date('2026-02-01T00:00:00Z');
    expect(portfolioInput({ profile: { first_name: 'A', last_name: 'B', training_level: null } }, now)).toBeNull();
    const input = portfolioInput({ account: { user_id: 'u1', role: 'trainee', created_at: account.created_at } }, now)!;
    expect(input.person).toEqual({ user_id: 'u1', first_name: '', last_name: '', training_level: null, role: 'trainee', created_at: account.created_at });
    expect(input).toMatchObject({ sessions: [], cases: [], ptl: { pathways: 0, open_pathways: 0, events: 0, last_at: null } });
  });
});
