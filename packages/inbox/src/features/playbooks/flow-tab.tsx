import { useTranslation } from 'react-i18next';
import type { TFinding, TPlaybookDocument } from '@charla/protocol';
import { Icon } from '../../lib/icons';
import { FindingsPanel } from './findings-panel';
import { FlowCanvas, type CanvasFocus } from './flow-canvas';
import { documentFindings } from './flow-mapping';

type CanvasProps = Parameters<typeof FlowCanvas>[0];

/** The flow tab: the problems panel (or the playbook-wide findings) above the canvas. */
export function FlowTab(props: {
  doc: TPlaybookDocument;
  findings: TFinding[];
  /** The editor's findings and the server's (activation checks). */
  allFindings: TFinding[];
  problemsOpen: boolean;
  onCloseProblems: () => void;
  onPick: (finding: TFinding) => void;
  onChange: (doc: TPlaybookDocument) => void;
  actions: CanvasProps['actions'];
  focus: CanvasFocus | null;
  onLayout: (doc: TPlaybookDocument) => void;
  onSelect: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const { doc, findings } = props;
  const docFindings = documentFindings(doc, findings);
  return (
    <>
      {props.problemsOpen && (
        <FindingsPanel
          id="pb-problems"
          doc={doc}
          findings={props.allFindings}
          onPick={props.onPick}
          onClose={props.onCloseProblems}
        />
      )}
      {!props.problemsOpen && docFindings.length > 0 && (
        <ul className="pb-doc-findings">
          {docFindings.map((f, i) => (
            <li key={i} className={`pb-finding pb-finding--${f.severity}`}>
              <Icon name="alert" size={13} />
              {t(`playbooks.findings.${f.code}`, { defaultValue: f.message })}
            </li>
          ))}
        </ul>
      )}
      <FlowCanvas
        doc={doc}
        findings={findings}
        onChange={props.onChange}
        actions={props.actions}
        focus={props.focus}
        onLayout={props.onLayout}
        onSelect={props.onSelect}
      />
    </>
  );
}
