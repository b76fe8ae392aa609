import type { App, ModuleDeps } from '../../server/types.ts';

/** Routes of cultivation: training, mentoring, practice, assessment, reminders, record forms. */
export async function cultivationRoutes(_app: App, _deps: ModuleDeps): Promise<void> {}
