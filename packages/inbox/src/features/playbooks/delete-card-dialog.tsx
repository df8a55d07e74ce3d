import { useTranslation } from 'react-i18next';
import type { TPlaybookNode } from '@charla/protocol';
import { ConfirmDialog } from '../../components/dialog';
import { cardSummary } from './card-summary';

/** Asks before a card is deleted, naming it. */
export function DeleteCardDialog(props: {
  node: TPlaybookNode | undefined;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const { node } = props;
  return (
    <ConfirmDialog
      open={node !== undefined}
      title={t('playbooks.deleteCardTitle')}
      confirmLabel={t('playbooks.deleteCardShort')}
      onCancel={props.onCancel}
      onConfirm={props.onConfirm}
    >
      <p>
        {node &&
          t('playbooks.deleteCardText', { card: cardSummary(node) || t(`playbooks.cardTypes.${node.type}`) })}
      </p>
    </ConfirmDialog>
  );
}
