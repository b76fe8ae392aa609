import type { App, ModuleDeps } from '../../server/types.ts';

/** Routes of the selection procedure. */
export async function selectionRoutes(_app: App, _deps: ModuleDeps): Promise<void> {}
