import { useTranslation } from 'react-i18next';
import { portsOf, type TPlaybookDocument, type TPlaybookNode } from '@charla/protocol';
import { cardSummary } from './card-summary';
import { portLabel } from './condition-labels';
import { FieldError, useFieldInvalid } from './field-findings';

/** A port's "leads to" choice, with its finding. */
function PortTarget(props: {
  port: string;
  label: string;
  value: string;
  onChange: (target: string) => void;
  options: { id: string; label: string }[];
}) {
  const { t } = useTranslation();
  const field = `port-${props.port}`;
  const invalid = useFieldInvalid(field);
  return (
    <div className="field field--inline pb-connection">
      <label htmlFor={field}>{props.label}</label>
      <select id={field} value={props.value} onChange={(e) => props.onChange(e.target.value)} {...invalid}>
        <option value="">{t('playbooks.editor.notConnected')}</option>
        {props.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError field={field} />
    </div>
  );
}

/** Where each of a card's answers (ports) leads: another card of the playbook, or nowhere yet. */
export function CardConnections(props: {
  doc: TPlaybookDocument;
  draft: TPlaybookNode;
  targets: Record<string, string>;
  onChange: (targets: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const { doc, draft, targets } = props;
  const ports = portsOf(draft);
  if (ports.length === 0) return null;
  const options = doc.flow.nodes
    .filter((n) => n.id !== draft.id)
    .map((n) => ({ id: n.id, label: `${t(`playbooks.cardTypes.${n.type}`)}: ${cardSummary(n) || n.id}` }));
  return (
    <fieldset className="pb-fieldset">
      <legend>{t('playbooks.editor.connections')}</legend>
      {ports.map((port) => (
        <PortTarget
          key={port.name}
          port={port.name}
          label={portLabel(t, draft, port)}
          value={targets[port.name] ?? ''}
          onChange={(target) => props.onChange({ ...targets, [port.name]: target })}
          options={options}
        />
      ))}
    </fieldset>
  );
}
