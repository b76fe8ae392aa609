import type { TestWorld } from '../../helpers/test-app.ts';
import type { addReserve } from '../../helpers/test-app.ts';

/** A reserve of town A's village whose ID number and phone the sensitive-fields test looks for. */
export type SeededReserve = Awaited<ReturnType<typeof addReserve>>;

/**
 * Fills in a module's GET routes for sensitive-fields.test.ts: creates records about the seeded
 * reserves (as the administrator) and returns, for each route path with a parameter, the value
 * to put in it, keyed by the path up to and including the parameter, e.g. '/api/trainings/{id}'.
 */
export type PathFiller = (world: TestWorld, adminCookie: string, reserves: readonly SeededReserve[]) => Promise<Record<string, string>>;
