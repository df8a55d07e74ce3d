import { useTranslation } from 'react-i18next';
import {
  HTTP_REQUEST_METHODS,
  HTTP_REQUEST_TIMEOUT_SECONDS,
  MAX_HTTP_BODY_CHARS,
  MAX_HTTP_MAPPINGS,
  MAX_HTTP_PATH_CHARS,
  MAX_HTTP_URL_CHARS,
  type THttpRequestNode,
  type THttpResponseMapping,
  type TPlaybookDocument,
} from '@charla/protocol';
import { AdminIcon } from './admin-icons';
import { variableChoices } from './condition-fields';
import { FieldError, useFieldInvalid } from './field-findings';
import { SegmentedChoice } from './segmented-choice';

type Patch = (patch: Partial<THttpRequestNode>) => void;

/** One row of the response mapping: a dot path into the answer and the variable it fills. */
function MappingRow(props: {
  index: number;
  mapping: THttpResponseMapping;
  doc: TPlaybookDocument;
  onChange: (mapping: THttpResponseMapping) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { index, mapping } = props;
  const n = index + 1;
  const pathId = `http-map-${index}-path`;
  const variableId = `http-map-${index}-variable`;
  const pathInvalid = useFieldInvalid(pathId);
  const variableInvalid = useFieldInvalid(variableId);
  return (
    <div className="pb-mapping" role="group" aria-label={t('playbooks.httpRequest.mappingRow', { n })}>
      <div className="field">
        <label htmlFor={pathId}>{t('playbooks.httpRequest.path')}</label>
        <input
          id={pathId}
          value={mapping.path}
          maxLength={MAX_HTTP_PATH_CHARS}
          placeholder="data.plan"
          spellCheck={false}
          autoCapitalize="off"
          onChange={(e) => props.onChange({ ...mapping, path: e.target.value })}
          {...pathInvalid}
        />
        <FieldError field={pathId} />
      </div>
      <div className="field">
        <label htmlFor={variableId}>{t('playbooks.httpRequest.variable')}</label>
        <select
          id={variableId}
          value={mapping.variable}
          onChange={(e) => props.onChange({ ...mapping, variable: e.target.value })}
          {...variableInvalid}
        >
          <option value="">{t('playbooks.httpRequest.choose')}</option>
          {variableChoices(props.doc, false).map((v) => (
            <option key={v.key} value={v.key}>
              {v.label}
            </option>
          ))}
        </select>
        <FieldError field={variableId} />
      </div>
      <button
        type="button"
        className="icon-btn pb-mapping__remove"
        aria-label={t('playbooks.httpRequest.removeMapping', { n })}
        title={t('playbooks.httpRequest.removeMapping', { n })}
        onClick={props.onRemove}
      >
        <AdminIcon name="trash" size={15} />
      </button>
    </div>
  );
}

/** The values copied from the JSON answer into variables. */
function MappingFields({
  node,
  doc,
  onChange,
}: {
  node: THttpRequestNode;
  doc: TPlaybookDocument;
  onChange: Patch;
}) {
  const { t } = useTranslation();
  const mapping = node.mapping;
  return (
    <fieldset className="pb-fieldset" data-testid="http-mapping">
      <legend>{t('playbooks.httpRequest.mapping')}</legend>
      <p className="field__hint">{t('playbooks.httpRequest.mappingHelp')}</p>
      {mapping.map((row, index) => (
        <MappingRow
          key={index}
          index={index}
          mapping={row}
          doc={doc}
          onChange={(next) => onChange({ mapping: mapping.map((m, i) => (i === index ? next : m)) })}
          onRemove={() => onChange({ mapping: mapping.filter((_m, i) => i !== index) })}
        />
      ))}
      {mapping.length < MAX_HTTP_MAPPINGS && (
        <div>
          <button
            type="button"
            className="btn btn--sm"
            data-testid="http-add-mapping"
            onClick={() => onChange({ mapping: [...mapping, { path: '', variable: '' }] })}
          >
            <AdminIcon name="plus" size={14} /> {t('playbooks.httpRequest.addMapping')}
          </button>
        </div>
      )}
    </fieldset>
  );
}

/** The address, with its finding; `{{variables}}` may go in its path and query. */
function UrlField({ node, onChange }: { node: THttpRequestNode; onChange: Patch }) {
  const { t } = useTranslation();
  const urlInvalid = useFieldInvalid('http-url');
  return (
    <div className="field">
      <label htmlFor="http-url">{t('playbooks.httpRequest.url')}</label>
      <input
        id="http-url"
        type="url"
        inputMode="url"
        value={node.url}
        maxLength={MAX_HTTP_URL_CHARS}
        placeholder="https://api.example.com/plans?email={{visitor_email}}"
        spellCheck={false}
        autoCapitalize="off"
        aria-describedby="http-url-hint"
        onChange={(e) => onChange({ url: e.target.value })}
        {...urlInvalid}
      />
      <FieldError field="http-url" />
      <span id="http-url-hint" className="field__hint">
        {t('playbooks.httpRequest.urlHint', { example: '{{visitor_email}}' })}
      </span>
    </div>
  );
}

/** The JSON body template of a POST, with its finding. */
function BodyField({ node, onChange }: { node: THttpRequestNode; onChange: Patch }) {
  const { t } = useTranslation();
  const bodyInvalid = useFieldInvalid('http-body');
  return (
    <div className="field">
      <label htmlFor="http-body">{t('playbooks.httpRequest.body')}</label>
      <textarea
        id="http-body"
        className="pb-code"
        rows={4}
        value={node.body ?? ''}
        maxLength={MAX_HTTP_BODY_CHARS}
        placeholder={'{"email": "{{visitor_email}}"}'}
        spellCheck={false}
        aria-describedby="http-body-hint"
        onChange={(e) => onChange({ body: e.target.value === '' ? undefined : e.target.value })}
        {...bodyInvalid}
      />
      <FieldError field="http-body" />
      <span id="http-body-hint" className="field__hint">
        {t('playbooks.httpRequest.bodyHint', { example: '{{visitor_email}}' })}
      </span>
    </div>
  );
}

/** Method, address, timeout and, for POST, the JSON body template. */
function RequestFields({ node, onChange }: { node: THttpRequestNode; onChange: Patch }) {
  const { t } = useTranslation();
  const timeoutInvalid = useFieldInvalid('http-timeout');
  const { min, max } = HTTP_REQUEST_TIMEOUT_SECONDS;
  return (
    <>
      <div className="pb-grid-2 pb-grid-2--top">
        <fieldset className="pb-fieldset pb-fieldset--plain">
          <legend>{t('playbooks.httpRequest.method')}</legend>
          <SegmentedChoice
            name="http-method"
            value={node.method}
            options={HTTP_REQUEST_METHODS}
            labelOf={(method) => method}
            onChange={(method) => onChange({ method })}
          />
        </fieldset>
        <div className="field">
          <label htmlFor="http-timeout">{t('playbooks.httpRequest.timeout')}</label>
          <input
            id="http-timeout"
            type="number"
            min={min}
            max={max}
            step={1}
            value={node.timeoutSeconds}
            aria-describedby="http-timeout-hint"
            onChange={(e) => onChange({ timeoutSeconds: Math.round(Number(e.target.value)) })}
            {...timeoutInvalid}
          />
          <FieldError field="http-timeout" />
          <span id="http-timeout-hint" className="field__hint">
            {t('playbooks.httpRequest.timeoutHint')}
          </span>
        </div>
      </div>
      <UrlField node={node} onChange={onChange} />
      {node.method === 'POST' && <BodyField node={node} onChange={onChange} />}
    </>
  );
}

/** The HTTP request card (issue 18): what the server calls, and which values of the answer it keeps. */
export function HttpRequestFields(props: {
  node: THttpRequestNode;
  doc: TPlaybookDocument;
  onChange: Patch;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="field__hint">{t('playbooks.httpRequest.serverOnly')}</p>
      <RequestFields node={props.node} onChange={props.onChange} />
      <MappingFields {...props} />
      <p className="field__hint">{t('playbooks.httpRequest.failedHelp')}</p>
    </>
  );
}
