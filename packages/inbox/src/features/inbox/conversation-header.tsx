import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TConversationDto } from '@charla/protocol';
import { Avatar } from '../../components/avatar';
import { Menu } from '../../components/menu';
import { formatElapsed, formatTimestamp } from '../../lib/format-time';
import { Icon } from '../../lib/icons';
import { Link } from '../../lib/router';
import { useNow } from '../../lib/use-now';
import { useMe } from '../auth/session-context';
import { TranscriptButton } from '../email/conversation-mail-actions';
import { useInboxActions } from './inbox-provider';
import { visitorNumberLabel } from './visitor-name';
import { sameApartFromActivity } from './conversation-activity';
import { IdentityBadge } from './identity-badge';
import { WatchdogTimer } from '../availability/watchdog-timer';

type Props = {
  conversation: TConversationDto;
  name: string;
  backTo: string;
  busy: boolean;
  panelOpen: boolean;
  onAssign: () => void;
  onReassign: (userId: string | null) => void;
  onClose: () => void;
  onTogglePanel: () => void;
};

/** Renders again when the conversation changes beyond its activity, not at every message (issue 25). */
export const ConversationHeader = memo(ConversationHeaderView, (before, after) => {
  const { conversation, ...rest } = after;
  const keys = Object.keys(rest) as (keyof typeof rest)[];
  return sameApartFromActivity(before.conversation, conversation) && keys.every((k) => before[k] === rest[k]);
});

function ConversationHeaderView(props: Props) {
  const { conversation, name, backTo } = props;
  const { t } = useTranslation();
  const now = useNow(1000);
  const number = visitorNumberLabel(conversation.visitor, t);
  return (
    <header className="conv-header">
      <Link to={backTo} className="icon-btn conv-header__back" aria-label={t('common.back')}>
        <Icon name="chevronLeft" />
      </Link>
      <Avatar name={name} seed={conversation.visitor.id} size={36} />
      <div className="conv-header__title">
        <div className="conv-header__name-row">
          <h2 data-testid="conversation-title" title={name}>
            {name}
          </h2>
          <IdentityBadge identity={conversation.visitor.context.identity} />
        </div>

        {/* One line: the visitor's number gives way ("Visitante #19…") before the state does, so
            a named visitor's waiting clock never drops to a second line beside Assign to me. */}
        <p
          className={`conv-header__status conv-header__status--${conversation.status}`}
          data-testid="conversation-status"
        >
          {number && (
            <>
              <span className="conv-header__number" data-testid="conversation-visitor-number" title={number}>
                {number}
              </span>
              <span className="conv-header__sep">{' · '}</span>
            </>
          )}
          <span className="conv-header__state">
            <StatusText conversation={conversation} now={now} />
          </span>
          <WatchdogTimer conversation={conversation} now={now} />
        </p>
      </div>
      <HeaderActions {...props} />
    </header>
  );
}

/** Closed at…, waiting for…, assigned to you / to someone, else the status's name. */
function StatusText({ conversation, now }: { conversation: TConversationDto; now: number }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  if (conversation.status === 'closed') {
    return conversation.closedAt
      ? t('conversation.closedAt', { time: formatTimestamp(conversation.closedAt, i18n.language, now) })
      : t('conversation.closed');
  }
  if (conversation.status === 'waiting') {
    const since = conversation.waitingSince ?? conversation.createdAt;
    return t('conversation.waitingFor', { time: formatElapsed(now - since) });
  }
  if (conversation.assignee) {
    return conversation.assignee.id === me.id
      ? t('conversation.assignedToYou')
      : t('conversation.assignedTo', { name: conversation.assignee.name });
  }
  return t(`conversation.status.${conversation.status}`);
}

function HeaderActions({
  conversation,
  busy,
  panelOpen,
  onAssign,
  onReassign,
  onClose,
  onTogglePanel,
}: Props) {
  const { t } = useTranslation();
  const can = (action: TConversationDto['allowedActions'][number]) =>
    conversation.allowedActions.includes(action);
  const reassignItems = useReassignItems(conversation, onReassign);
  return (
    <div className="conv-header__actions">
      {can('assign') && (
        <button
          type="button"
          className="btn btn--primary btn--sm"
          onClick={onAssign}
          disabled={busy}
          data-testid="assign"
          aria-keyshortcuts="a"
        >
          {t('conversation.assignToMe')}
        </button>
      )}
      {(can('reassign') || can('unassign')) && (
        <Menu
          ariaLabel={t('conversation.reassign')}
          buttonClassName="btn btn--sm"
          testId="reassign"
          heading={t('conversation.reassignTo')}
          label={
            <>
              <span className="hide-phone">{t('conversation.reassign')}</span>
              <Icon name="users" size={16} className="show-phone" />
              <Icon name="chevronDown" size={14} />
            </>
          }
          items={reassignItems}
        />
      )}
      {can('close') && (
        <button
          type="button"
          className="btn btn--sm"
          onClick={onClose}
          disabled={busy}
          data-testid="close"
          aria-label={t('conversation.close')}
          aria-keyshortcuts="c"
        >
          <Icon name="check" size={16} />
          <span className="hide-phone">{t('conversation.close')}</span>
        </button>
      )}
      <TranscriptButton conversation={conversation} />
      <button
        type="button"
        className={`icon-btn ${panelOpen ? 'icon-btn--active' : ''}`}
        aria-label={t('panel.toggle')}
        aria-expanded={panelOpen}
        onClick={onTogglePanel}
        data-testid="toggle-panel"
      >
        <Icon name="panel" />
      </button>
    </div>
  );
}

/** The reassign menu: every other active user, marked online or offline, then "Unassigned". */
function useReassignItems(conversation: TConversationDto, onReassign: (userId: string | null) => void) {
  const { t } = useTranslation();
  const me = useMe();
  const { users } = useInboxActions();
  const can = (action: TConversationDto['allowedActions'][number]) =>
    conversation.allowedActions.includes(action);
  const userItems = users
    .filter((u) => u.active && u.id !== conversation.assignee?.id)
    .map((u) => ({
      id: u.id,
      label: (
        <span className="menu__user">
          <Avatar name={u.name} url={u.avatarUrl} seed={u.id} size={22} online={u.online} />
          {u.id === me.id ? t('conversation.me', { name: u.name }) : u.name}
        </span>
      ),
      hint: u.online ? t('shell.online') : t('shell.offline'),
      onSelect: () => onReassign(u.id),
      disabled: !can('reassign'),
    }));
  if (!conversation.assignee) return userItems;
  const unassign = {
    id: '__unassigned',
    label: t('conversation.unassigned'),
    onSelect: () => onReassign(null),
    disabled: !can('unassign') && !can('reassign'),
  };
  return [...userItems, unassign];
}
