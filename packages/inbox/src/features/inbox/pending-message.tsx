import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../lib/icons';
import { isRichTextEmpty } from '../../lib/rich-text';
import { PendingAttachments } from './files/message-attachments';
import type { PendingMessage } from './inbox-state';
import { RichTextView } from './rich-text-view';
import { sendFailureKey } from './send-failure';

/** A reply of mine not stored yet: "Sending…", or why it was refused with a Retry (same id, same files). */
export const PendingMessageItem = memo(function PendingMessageItem({
  pending,
  onRetry,
}: {
  pending: PendingMessage;
  onRetry: (clientMsgId: string) => void;
}) {
  const { t } = useTranslation();
  const files = pending.attachments ?? [];
  return (
    <div
      className={`msg msg--out msg--user msg--pending ${pending.state === 'failed' ? 'msg--failed' : ''}`}
      data-testid="message-pending"
    >
      <div className="msg__stack">
        {files.length > 0 && <PendingAttachments attachments={files} />}
        {(files.length === 0 || !isRichTextEmpty(pending.body)) && (
          <div className="msg__bubble">
            <RichTextView doc={pending.body} />
          </div>
        )}
        <span className="msg__time">
          {pending.state === 'sending' ? (
            t('timeline.sending')
          ) : (
            <>
              <Icon name="alert" size={12} /> {t(sendFailureKey(pending.error))}{' '}
              <button type="button" className="link-btn" onClick={() => onRetry(pending.clientMsgId)}>
                {t('common.retry')}
              </button>
            </>
          )}
        </span>
      </div>
    </div>
  );
});
