import type { ProbeSet } from './types.ts';

/** Scope probes of the cultivation routes (see scope.test.ts). */
export const cultivationProbes: ProbeSet = {
  probes: {},
};
