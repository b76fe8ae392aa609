import type { TestWorld } from '../../helpers/test-app.ts';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export interface ProbeRequest { method: Method; url: string; payload?: unknown; contentType?: string }

/** Ids of town B records a module's probes name; every value is also a marker whose appearance in a response is a leak. */
export type SeededIds = Record<string, string>;

export type Probe =
  /** Open to anyone (health, login, the API document): holds no record of any unit. */
  | { kind: 'public' }
  /** About the caller only (their session, their password). */
  | { kind: 'self' }
  /** Requests that name a record of town B: each must be refused with 403 or 404. */
  | { kind: 'foreign'; requests: (world: TestWorld, seeded: SeededIds) => ProbeRequest[] }
  /** Requests that list or search: each may answer (or refuse), but must not contain anything of town B. */
  | { kind: 'list'; requests: (world: TestWorld, seeded: SeededIds) => ProbeRequest[] };

/**
 * The probes of one module, kept beside scope.test.ts: `seedTownB` creates the module's records in
 * town B (as the administrator, whose cookie it gets) and returns their ids under keys unique to the module.
 */
export interface ProbeSet {
  seedTownB?: (world: TestWorld, adminCookie: string) => Promise<SeededIds>;
  probes: Record<string, Probe>;
}
