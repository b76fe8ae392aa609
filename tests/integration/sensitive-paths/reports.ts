import type { PathFiller } from './types.ts';

/** Path values for the dashboard and report GET routes (see sensitive-fields.test.ts): the seeded village's township. */
export const reportsPaths: PathFiller = async (world) => ({
  '/api/dashboard/{orgCode}': world.townshipA.code,
  '/api/summary-tables/{orgCode}': world.townshipA.code,
});
