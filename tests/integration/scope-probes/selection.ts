import type { ProbeSet } from './types.ts';

/** Scope probes of the selection routes (see scope.test.ts). */
export const selectionProbes: ProbeSet = {
  probes: {},
};
