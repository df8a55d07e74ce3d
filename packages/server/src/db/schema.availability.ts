/** Availability and routing (issue 19, owned by modules/availability). */
export type BusinessHoursTable = {
  /** 'company', or the id of a playbook whose override this is. */
  scope: string;
  hours: string; // JSON: TBusinessHours
  updated_at: number;
};

export type TeamsTable = {
  id: string;
  name: string;
  /** Lowercased name: unique, so "Sales" and "sales" are one team. */
  name_key: string;
  created_at: number;
  updated_at: number;
};

export type TeamMembersTable = { team_id: string; user_id: string };

/** A user's capacity (max open assigned chats; null: no limit) and when they were last picked. */
export type UserRoutingTable = { user_id: string; capacity: number | null; last_routed_at: number | null };

export type AvailabilityTables = {
  business_hours: BusinessHoursTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  user_routing: UserRoutingTable;
};
