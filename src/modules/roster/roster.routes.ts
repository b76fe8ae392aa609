import type { App, ModuleDeps } from '../../server/types.ts';

export async function rosterRoutes(_app: App, _deps: ModuleDeps): Promise<void> {}
