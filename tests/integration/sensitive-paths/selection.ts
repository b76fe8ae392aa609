import type { PathFiller } from './types.ts';

/** Path values for the selection GET routes (see sensitive-fields.test.ts). */
export const selectionPaths: PathFiller = async () => ({});
