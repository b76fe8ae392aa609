import { sql } from 'kysely';
import { z } from 'zod';
import type { App, ModuleDeps } from '../../server/types.ts';

export async function healthRoutes(app: App, { database }: ModuleDeps): Promise<void> {
  app.get('/api/health', {
    config: { isPublic: true },
    schema: {
      tags: ['系统'],
      summary: '健康检查：服务与数据库是否可用',
      security: [],
      response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']) }) },
    },
  }, async () => {
    await sql`SELECT 1`.execute(database.db);
    return { status: 'ok' as const, database: database.kind };
  });
}
