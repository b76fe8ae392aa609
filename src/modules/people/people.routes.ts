import { z } from 'zod';
import { AppError } from '../../server/errors.ts';
import { errorResponses, ZUuid } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { ZPerson, ZRevealed, ZUpdatePerson } from './people.schemas.ts';
import { getPerson, getPersonPhoto, MAX_PHOTO_BYTES, revealPerson, savePersonPhoto, updatePerson } from './people.service.ts';

const tags = ['人员档案'];
const ZParams = z.strictObject({ id: ZUuid });

export async function peopleRoutes(app: App, { database, cipher }: ModuleDeps): Promise<void> {
  const { db } = database;

  app.get('/api/people/:id', {
    schema: { tags, summary: '人员档案（一人一档）；身份证号码和电话为脱敏形式', params: ZParams, response: { 200: ZPerson, ...errorResponses } },
  }, async (request) => getPerson(db, request.ctx, request.params.id));

  app.patch('/api/people/:id', {
    schema: { tags, summary: '修改人员档案', params: ZParams, body: ZUpdatePerson, response: { 200: ZPerson, ...errorResponses } },
  }, async (request) => updatePerson(db, request.ctx, cipher, request.params.id, request.body));

  app.post('/api/people/:id/reveal', {
    schema: { tags, summary: '查看完整身份证号码和联系电话（记入操作日志）', params: ZParams, response: { 200: ZRevealed, ...errorResponses } },
  }, async (request) => revealPerson(db, request.ctx, cipher, request.params.id));

  app.put('/api/people/:id/photo', {
    schema: {
      tags,
      summary: '上传照片：请求体为 JPEG 或 PNG 图片本身（Content-Type: image/jpeg 或 image/png），不超过 2 MB',
      params: ZParams,
      response: { 204: z.null(), ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] },
    },
  }, async (request, reply) => {
    const contentType = request.headers['content-type']?.split(';')[0]?.trim() ?? '';
    if (!(request.body instanceof Buffer) || (contentType !== 'image/jpeg' && contentType !== 'image/png')) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', '照片须以 JPEG 或 PNG 图片上传（Content-Type: image/jpeg 或 image/png）');
    }
    if (request.body.length > MAX_PHOTO_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', '照片不能超过 2 MB');
    await savePersonPhoto(db, request.ctx, request.params.id, { contentType, data: request.body });
    return reply.code(204).send(null);
  });

  app.get('/api/people/:id/photo', {
    schema: { tags, summary: '照片', params: ZParams, response: { 200: z.any().describe('JPEG 或 PNG 图片'), ...errorResponses } },
  }, async (request, reply) => {
    const photo = await getPersonPhoto(db, request.ctx, request.params.id);
    return reply.type(photo.contentType).header('Cache-Control', 'private, no-store').send(photo.data);
  });
}
