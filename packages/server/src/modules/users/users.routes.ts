import {
  ZCreateUserRequest,
  ZSessionDto,
  ZUpdateUserRequest,
  ZUserDto,
  ZUserSummaryDto,
} from '@charla/protocol';
import { z } from 'zod';
import type { App } from '../../http/app-type';
import type { Services } from '../../services';

const tags = ['users'];
const ZUserParams = z.strictObject({ userId: z.string().max(64) });

export function registerUsersRoutes(app: App, services: Services): void {
  const { users, auth } = services;

  app.get(
    '/api/v1/users',
    {
      config: { auth: 'user' },
      schema: { tags, summary: 'Colleagues (for reassigning)', response: { 200: z.array(ZUserSummaryDto) } },
    },
    async () => users.listSummaries(),
  );

  app.get(
    '/api/v1/admin/users',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: 'All users with their emails and roles',
        response: { 200: z.array(ZUserDto) },
      },
    },
    async () => users.listDtos(),
  );

  app.post(
    '/api/v1/admin/users',
    {
      config: { auth: 'admin', errors: ['EMAIL_TAKEN'] },
      schema: { tags, summary: 'Create a user', body: ZCreateUserRequest, response: { 201: ZUserDto } },
    },
    async (request, reply) => reply.status(201).send(await users.create(request.body)),
  );

  app.patch(
    '/api/v1/admin/users/:userId',
    {
      config: { auth: 'admin', errors: ['USER_NOT_FOUND', 'LAST_ADMIN'] },
      schema: {
        tags,
        summary: 'Change a user’s name, role or active flag (deactivation ends their sessions)',
        params: ZUserParams,
        body: ZUpdateUserRequest,
        response: { 200: ZUserDto },
      },
    },
    async (request) => users.update(request.params.userId, request.body),
  );

  app.get(
    '/api/v1/admin/users/:userId/sessions',
    {
      config: { auth: 'admin', errors: ['USER_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'A user’s sessions',
        params: ZUserParams,
        response: { 200: z.array(ZSessionDto) },
      },
    },
    async (request) => {
      await users.getUser(request.params.userId);
      return auth.listSessions(request.params.userId, '');
    },
  );

  app.delete(
    '/api/v1/admin/users/:userId/sessions',
    {
      config: { auth: 'admin', errors: ['USER_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'End all of a user’s sessions',
        params: ZUserParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await users.getUser(request.params.userId);
      await auth.revokeAllSessions(request.params.userId);
      return reply.status(204).send(null);
    },
  );
}
