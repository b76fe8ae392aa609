import type { App, ModuleDeps } from '../../server/types.ts';

/** Routes of the 纪实表 record form: one reserve's form as .docx or PDF, and a zipped batch. */
export async function recordFormRoutes(_app: App, _deps: ModuleDeps): Promise<void> {}
