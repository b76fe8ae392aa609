import { errorResponses } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { ZCreateUser, ZResetPassword, ZUpdateUser, ZUser, ZUserList, ZUserListQuery, ZUserParams, ZUserWithPassword } from './users.schemas.ts';
import { createUser, getUser, listUsers, resetUserPassword, updateUser } from './users.service.ts';

const tags = ['用户与角色'];

export async function usersRoutes(app: App, { database }: ModuleDeps): Promise<void> {
  const { db } = database;

  app.get('/api/users', {
    schema: { tags, summary: '用户列表（限管理范围内）', querystring: ZUserListQuery, response: { 200: ZUserList, ...errorResponses } },
  }, async (request) => listUsers(db, request.ctx, request.query));

  app.post('/api/users', {
    schema: { tags, summary: '创建用户并授予角色；返回仅显示一次的初始密码', body: ZCreateUser, response: { 201: ZUserWithPassword, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await createUser(db, request.ctx, request.body)));

  app.get('/api/users/:id', {
    schema: { tags, summary: '用户详情', params: ZUserParams, response: { 200: ZUser, ...errorResponses } },
  }, async (request) => getUser(db, request.ctx, request.params.id));

  app.patch('/api/users/:id', {
    schema: { tags, summary: '修改用户、停用或启用、调整角色', params: ZUserParams, body: ZUpdateUser, response: { 200: ZUser, ...errorResponses } },
  }, async (request) => updateUser(db, request.ctx, request.params.id, request.body));

  app.post('/api/users/:id/reset-password', {
    schema: { tags, summary: '重置密码并解除锁定；返回仅显示一次的新密码', params: ZUserParams, body: ZResetPassword, response: { 200: ZUserWithPassword, ...errorResponses } },
  }, async (request) => resetUserPassword(db, request.ctx, request.params.id, request.body));
}
