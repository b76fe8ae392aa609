import { z } from 'zod';
import { errorResponses, ZOrgCode } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { ZCoverage } from './coverage.schemas.ts';
import { getCoverage } from './coverage.service.ts';

const tags = ['覆盖与补充'];

export async function coverageRoutes(app: App, { database }: ModuleDeps): Promise<void> {
  const { db } = database;
  app.get('/api/coverage/:orgCode', {
    schema: {
      tags, summary: '后备力量覆盖情况：每村不少于 2 名、至少 1 名 35 岁以下、至少 1 名所需类型，及书记接任人选（梯队强度）',
      params: z.strictObject({ orgCode: ZOrgCode }), querystring: z.strictObject({ shortOnly: z.enum(['true', 'false']).optional() }),
      response: { 200: ZCoverage, ...errorResponses },
    },
  }, async (request) => getCoverage(db, request.ctx, request.params.orgCode, { shortOnly: request.query.shortOnly === 'true' }));
}
