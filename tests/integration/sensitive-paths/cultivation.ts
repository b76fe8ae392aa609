import type { PathFiller } from './types.ts';

/** Path values for the cultivation GET routes (see sensitive-fields.test.ts). */
export const cultivationPaths: PathFiller = async () => ({});
