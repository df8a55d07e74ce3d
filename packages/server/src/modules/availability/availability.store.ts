import type { Db } from '../../db/database';
import type { TeamsTable } from '../../db/schema.availability';
import { createRoutingStore } from './routing.store';

export { AtCapacity } from './routing.store';

export type TeamRow = TeamsTable & { memberIds: string[] };

async function membersOf(db: Db, teamIds: string[]): Promise<Map<string, string[]>> {
  const members = new Map<string, string[]>(teamIds.map((id) => [id, []]));
  if (teamIds.length === 0) return members;
  const rows = await db
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select(['team_members.team_id', 'team_members.user_id'])
    .where('team_members.team_id', 'in', teamIds)
    .where('users.active', '=', 1)
    .orderBy('users.name')
    .execute();
  for (const r of rows) members.get(r.team_id)?.push(r.user_id);
  return members;
}

/** Business hours, teams and capacities: the tables of modules/availability. */
export function createAvailabilityStore(db: Db) {
  return {
    async findHours(scope: string): Promise<{ hours: string; updated_at: number } | null> {
      return (
        (await db
          .selectFrom('business_hours')
          .select(['hours', 'updated_at'])
          .where('scope', '=', scope)
          .executeTakeFirst()) ?? null
      );
    },
    async putHours(scope: string, hours: string, now: number): Promise<void> {
      await db
        .insertInto('business_hours')
        .values({ scope, hours, updated_at: now })
        .onConflict((oc) => oc.column('scope').doUpdateSet({ hours, updated_at: now }))
        .execute();
    },
    async deleteHours(scope: string): Promise<boolean> {
      const result = await db.deleteFrom('business_hours').where('scope', '=', scope).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async listTeams(): Promise<TeamRow[]> {
      const teams = await db.selectFrom('teams').selectAll().orderBy('name_key').execute();
      const members = await membersOf(
        db,
        teams.map((t) => t.id),
      );
      return teams.map((t) => ({ ...t, memberIds: members.get(t.id) ?? [] }));
    },
    async findTeam(id: string): Promise<TeamRow | null> {
      const team = await db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
      if (!team) return null;
      return { ...team, memberIds: (await membersOf(db, [id])).get(id) ?? [] };
    },
    async findTeamByName(nameKey: string): Promise<TeamsTable | null> {
      return (
        (await db.selectFrom('teams').selectAll().where('name_key', '=', nameKey).executeTakeFirst()) ?? null
      );
    },
    /** Creates or replaces a team and its members in one transaction. */
    async saveTeam(team: TeamsTable, memberIds: string[], isNew: boolean): Promise<void> {
      await db.transaction().execute(async (tx) => {
        if (isNew) await tx.insertInto('teams').values(team).execute();
        else
          await tx
            .updateTable('teams')
            .set({ name: team.name, name_key: team.name_key, updated_at: team.updated_at })
            .where('id', '=', team.id)
            .execute();
        await tx.deleteFrom('team_members').where('team_id', '=', team.id).execute();
        if (memberIds.length > 0)
          await tx
            .insertInto('team_members')
            .values(memberIds.map((user_id) => ({ team_id: team.id, user_id })))
            .execute();
      });
    },
    async deleteTeam(id: string): Promise<boolean> {
      const result = await db.deleteFrom('teams').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async teamIdsOf(userIds: string[]): Promise<Map<string, string[]>> {
      const byUser = new Map<string, string[]>(userIds.map((id) => [id, []]));
      if (userIds.length === 0) return byUser;
      const rows = await db
        .selectFrom('team_members')
        .select(['team_id', 'user_id'])
        .where('user_id', 'in', userIds)
        .execute();
      for (const r of rows) byUser.get(r.user_id)?.push(r.team_id);
      return byUser;
    },

    ...createRoutingStore(db),
  };
}
export type AvailabilityStore = ReturnType<typeof createAvailabilityStore>;
