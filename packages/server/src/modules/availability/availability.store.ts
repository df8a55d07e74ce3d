import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { TeamsTable } from '../../db/schema.availability';

/** A picked user had no room left when their routing row was locked (issue 19). */
export class AtCapacity extends Error {}

export type TeamRow = TeamsTable & { memberIds: string[] };

/** Business hours, teams and capacities: the tables of modules/availability. */
export function createAvailabilityStore(db: Db) {
  async function membersOf(teamIds: string[]): Promise<Map<string, string[]>> {
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
      const members = await membersOf(teams.map((t) => t.id));
      return teams.map((t) => ({ ...t, memberIds: members.get(t.id) ?? [] }));
    },
    async findTeam(id: string): Promise<TeamRow | null> {
      const team = await db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
      if (!team) return null;
      return { ...team, memberIds: (await membersOf([id])).get(id) ?? [] };
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

    /** Capacity and last pick of each user who has a routing row. */
    async routingOf(userIds: string[]) {
      if (userIds.length === 0)
        return new Map<string, { capacity: number | null; lastRoutedAt: number | null }>();
      const rows = await db.selectFrom('user_routing').selectAll().where('user_id', 'in', userIds).execute();
      return new Map(
        rows.map((r) => [
          r.user_id,
          { capacity: r.capacity, lastRoutedAt: r.last_routed_at === null ? null : Number(r.last_routed_at) },
        ]),
      );
    },
    async setCapacity(userId: string, capacity: number | null): Promise<void> {
      await db
        .insertInto('user_routing')
        .values({ user_id: userId, capacity, last_routed_at: null })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ capacity }))
        .execute();
    },
    /** Open assigned chats per user (only users with at least one are in the map). */
    async openCounts(userIds: string[]): Promise<Map<string, number>> {
      if (userIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('conversations')
        .select(['assignee_id', sql<number>`count(*)`.as('open')])
        .where('status', '=', 'assigned')
        .where('assignee_id', 'in', userIds)
        .groupBy('assignee_id')
        .execute();
      return new Map(rows.map((r) => [r.assignee_id ?? '', Number(r.open)]));
    },

    /**
     * Inside the transaction that gives a user a chat: locks the user's routing row (PostgreSQL
     * holds the row lock of the upsert until the commit, so concurrent picks of one user queue;
     * SQLite runs one write transaction at a time), records the pick, and counts their open chats
     * as committed now. At capacity it throws AtCapacity and the whole change rolls back.
     */
    async claimRoom(tx: Db, userId: string, now: number): Promise<void> {
      const row = await tx
        .insertInto('user_routing')
        .values({ user_id: userId, capacity: null, last_routed_at: now })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ last_routed_at: now }))
        .returning('capacity')
        .executeTakeFirstOrThrow();
      if (row.capacity === null) return;
      const open = await tx
        .selectFrom('conversations')
        .select(sql<number>`count(*)`.as('n'))
        .where('status', '=', 'assigned')
        .where('assignee_id', '=', userId)
        .executeTakeFirstOrThrow();
      if (Number(open.n) >= row.capacity) throw new AtCapacity();
    },

    /** Assigned chats whose reply deadline passed (the watchdog takes each through its transition). */
    async watchdogDueIds(now: number, limit: number): Promise<string[]> {
      const rows = await db
        .selectFrom('conversations')
        .select('id')
        .where('status', '=', 'assigned')
        .where('watchdog_deadline', '<=', now)
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
    /**
     * Assigned chats whose card takes them back when the assignee goes offline, with an assignee
     * not among `online`. (The routing text is written only by JSON.stringify of the parsed card
     * routing, so its `"whenOffline":true` is exact; the rest of the JSON is never queried.)
     */
    async watchedAssignedOutside(online: string[], limit: number): Promise<string[]> {
      let q = db
        .selectFrom('conversations')
        .select('id')
        .where('status', '=', 'assigned')
        .where('routing', 'like', '%"whenOffline":true%');
      if (online.length > 0) q = q.where('assignee_id', 'not in', online);
      return (await q.limit(limit).execute()).map((r) => r.id);
    },
    /** Waiting chats of cards with automatic assignment (retried as room frees up), oldest first. */
    async autoRoutedWaitingIds(now: number, limit: number): Promise<string[]> {
      const rows = await db
        .selectFrom('conversations')
        .select('id')
        .where('status', '=', 'waiting')
        .where('routing', 'is not', null)
        .where('routing', 'not like', '%"mode":"manual"%')
        .where((eb) => eb.or([eb('waiting_deadline', 'is', null), eb('waiting_deadline', '>', now)]))
        .orderBy('waiting_since')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
  };
}
export type AvailabilityStore = ReturnType<typeof createAvailabilityStore>;
