import { memo } from 'react';
import type { TConversationDto } from '@charla/protocol';
import { LabelChips } from './label-chips';
import { LabelPicker } from './label-picker';
import './labels.css';

type Props = { conversation: Pick<TConversationDto, 'id' | 'labels'> };

/**
 * Under the conversation header, full width: the chat's labels and the picker. Its own row so
 * long names never squeeze the visitor's name or push the header's actions off a phone screen.
 * Renders again only when the labels change, not at every message (issue 25).
 */
export const ConversationLabelsBar = memo(
  ConversationLabelsBarView,
  (before, after) =>
    before.conversation.id === after.conversation.id &&
    before.conversation.labels === after.conversation.labels,
);

function ConversationLabelsBarView({ conversation }: Props) {
  return (
    <div className="conv-labels-bar" data-testid="header-labels">
      <LabelChips labels={conversation.labels} compact />
      {/* With no label yet the button says what it is; beside chips an icon is enough. */}
      <LabelPicker conversation={conversation} compact={conversation.labels.length > 0} />
    </div>
  );
}
