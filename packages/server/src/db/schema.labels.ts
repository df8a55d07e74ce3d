/** Conversation labels (issue 16 item 3, owned by modules/labels). */
export type LabelsTable = {
  id: string;
  name: string;
  /** Lowercased name: unique, so "VIP" and "vip" are one label. */
  name_key: string;
  /** One of the palette's colours (TLabelColor). */
  color: string;
  created_at: number;
  updated_at: number;
};

export type ConversationLabelsTable = { conversation_id: string; label_id: string; added_at: number };

export type LabelTables = { labels: LabelsTable; conversation_labels: ConversationLabelsTable };
