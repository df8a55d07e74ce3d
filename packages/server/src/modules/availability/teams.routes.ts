import { ZCapacityRequest, ZTeamDto, ZTeamRequest, ZUserRoutingDto } from '@charla/protocol';
import { z } from 'zod';
import type { App } from '../../http/app-type';
import type { CapacityService } from './capacity.service';
import type { TeamsService } from './teams.service';

const tags = ['availability'];
const ZTeamParams = z.strictObject({ teamId: z.string().max(64) });
const ZUserParams = z.strictObject({ userId: z.string().max(64) });

/** Teams and per-user capacity (issue 19). Reading teams is for every user (the Unassigned filter). */
export function registerTeamsRoutes(app: App, teams: TeamsService & CapacityService): void {
  app.get(
    '/api/v1/teams',
    {
      config: { auth: 'user' },
      schema: { tags, summary: 'Every team with its active members', response: { 200: z.array(ZTeamDto) } },
    },
    async () => teams.list(),
  );
  app.post(
    '/api/v1/admin/teams',
    {
      config: { auth: 'admin', errors: ['TEAM_NAME_TAKEN', 'USER_NOT_FOUND'] },
      schema: { tags, summary: 'Create a team', body: ZTeamRequest, response: { 201: ZTeamDto } },
    },
    async (request, reply) => reply.status(201).send(await teams.create(request.body)),
  );
  app.put(
    '/api/v1/admin/teams/:teamId',
    {
      config: { auth: 'admin', errors: ['TEAM_NOT_FOUND', 'TEAM_NAME_TAKEN', 'USER_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Rename a team and set its members',
        params: ZTeamParams,
        body: ZTeamRequest,
        response: { 200: ZTeamDto },
      },
    },
    async (request) => teams.update(request.params.teamId, request.body),
  );
  app.delete(
    '/api/v1/admin/teams/:teamId',
    {
      config: { auth: 'admin', errors: ['TEAM_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Delete a team (cards that route to it pick among every online user)',
        params: ZTeamParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await teams.remove(request.params.teamId);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/admin/users/routing',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: 'Each active user’s capacity, open assigned chats, presence and teams',
        response: { 200: z.array(ZUserRoutingDto) },
      },
    },
    async () => teams.userRouting(),
  );
  app.put(
    '/api/v1/admin/users/:userId/capacity',
    {
      config: { auth: 'admin', errors: ['USER_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Max open assigned chats automatic assignment gives a user (null: no limit)',
        params: ZUserParams,
        body: ZCapacityRequest,
        response: { 200: ZUserRoutingDto },
      },
    },
    async (request) => teams.setCapacity(request.params.userId, request.body.capacity),
  );
}
