/** Rating table (owned by modules/ratings). */
export type ConversationRatingsTable = {
  conversation_id: string;
  visitor_id: string;
  playbook_id: string | null;
  /** Who had the conversation when it was rated (null: the bot alone). */
  assignee_id: string | null;
  scale: 'stars' | 'thumbs';
  /** 1–5; on the thumbs scale 1 (down) or 5 (up). */
  score: number;
  comment: string | null;
  created_at: number;
  updated_at: number;
};

export type RatingTables = { conversation_ratings: ConversationRatingsTable };
