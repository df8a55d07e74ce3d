import { useTranslation } from 'react-i18next';
import type { TCrmDealDto, TCrmLeadDto, TPanelLinkedRecords, TVisitorIdentity } from '@charla/protocol';
import { IdentityBadge } from '../inbox/identity-badge';
import { closeDate, list, money, text } from '../crm/field-builders';
import { LinkedNotes } from './linked-notes';
import { LinkedRecord } from './linked-record';

type Props = {
  linked: TPanelLinkedRecords;
  conversationId: string;
  readOnly: boolean;
  onSaved: () => void;
  /** The visitor's identity: the person with the email the company's server set is marked verified (issue 24). */
  identity?: TVisitorIdentity | undefined;
};

/**
 * The panel once a lead or deal exists: value and close date of the deal (else the lead), the
 * person and the organization, each edited on the record itself, and the record's notes.
 */
export function LinkedFields(props: Props) {
  const { linked, conversationId, readOnly } = props;
  const { t } = useTranslation();
  return (
    <>
      <p className="panel-hint" data-testid="panel-linked-hint">
        {t('panel.linkedHint')}
      </p>
      <LinkedSale {...props} />
      <LinkedPerson {...props} />
      <LinkedOrganization {...props} />
      <LinkedNotes linked={linked} conversationId={conversationId} readOnly={readOnly} />
    </>
  );
}

/**
 * "LEAD · Acme lead": the kind in the section's capitals, the title as written on one line ending
 * in "…" (whole on hover and in the created items above); in capitals a long company name took
 * four shouting lines.
 */
function SaleHeading({ kind, title }: { kind: string; title: string }) {
  return (
    <span className="panel-linked__heading">
      {kind} ·{' '}
      <span className="panel-linked__name" title={title}>
        {title}
      </span>
    </span>
  );
}

/** The deal, else the lead: its value and expected close date. */
function LinkedSale({ linked, readOnly, onSaved }: Props) {
  const { t } = useTranslation();
  const moneyRows = (item: TCrmDealDto | TCrmLeadDto, ctx: Parameters<typeof money>[0]) => [
    money(ctx, item.value),
    closeDate(ctx, item.expectedCloseDate),
  ];
  if (linked.deal) {
    return (
      <LinkedRecord
        entity="deals"
        record={linked.deal}
        heading={<SaleHeading kind={t('panel.deal')} title={linked.deal.title} />}
        readOnly={readOnly}
        rows={moneyRows}
        onSaved={onSaved}
        testId="panel-linked-deal"
      />
    );
  }
  if (!linked.lead) return null;
  return (
    <LinkedRecord
      entity="leads"
      record={linked.lead}
      heading={<SaleHeading kind={t('panel.lead')} title={linked.lead.title} />}
      readOnly={readOnly}
      rows={moneyRows}
      onSaved={onSaved}
      testId="panel-linked-lead"
    />
  );
}

function LinkedPerson({ linked, readOnly, onSaved, identity }: Props) {
  const { t } = useTranslation();
  if (!linked.person) return <p className="panel-hint">{t('panel.noPerson')}</p>;
  const personVerified =
    identity?.verified === true &&
    identity.emailVerified === true &&
    !!identity.email &&
    linked.person.emails.includes(identity.email);
  return (
    <LinkedRecord
      entity="persons"
      record={linked.person}
      heading={
        personVerified ? (
          <>
            {t('panel.person')} <IdentityBadge identity={identity} />
          </>
        ) : (
          t('panel.person')
        )
      }
      readOnly={readOnly}
      rows={(p, ctx) => [
        text(ctx, 'name', t('panel.name'), p.name, true),
        list(ctx, 'emails', t('panel.email'), p.emails),
        list(ctx, 'phones', t('panel.phone'), p.phones),
      ]}
      onSaved={onSaved}
      testId="panel-linked-person"
    />
  );
}

function LinkedOrganization({ linked, readOnly, onSaved }: Props) {
  const { t } = useTranslation();
  if (!linked.organization) return <p className="panel-hint">{t('panel.noOrganization')}</p>;
  return (
    <LinkedRecord
      entity="organizations"
      record={linked.organization}
      heading={t('panel.organization')}
      readOnly={readOnly}
      rows={(o, ctx) => [
        text(ctx, 'name', t('panel.name'), o.name, true),
        text(ctx, 'address', t('panel.address'), o.address),
      ]}
      onSaved={onSaved}
      testId="panel-linked-organization"
    />
  );
}
