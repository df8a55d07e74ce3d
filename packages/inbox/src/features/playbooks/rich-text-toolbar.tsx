import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../lib/icons';
import { AdminIcon } from './admin-icons';
import type { ActiveFormats, RichTextCommand } from '../../components/rich-text/rich-text-editing';

/**
 * The rich-text editor's buttons (pressed while the selection has that format) and its variable
 * picker; the buttons keep the text focused (no focus on mouse down).
 */
export function RichTextToolbar(props: {
  label: string;
  active: ActiveFormats;
  onCommand: (c: RichTextCommand) => void;
  variables: readonly { key: string; label: string }[];
  onVariable: (key: string) => void;
}) {
  const { t } = useTranslation();
  const tools: { command: RichTextCommand; icon: ReactNode; label: string }[] = [
    { command: 'bold', icon: <Icon name="bold" size={16} />, label: t('playbooks.rich.bold') },
    { command: 'italic', icon: <Icon name="italic" size={16} />, label: t('playbooks.rich.italic') },
    { command: 'link', icon: <Icon name="link" size={16} />, label: t('playbooks.rich.link') },
    { command: 'list', icon: <Icon name="list" size={16} />, label: t('playbooks.rich.list') },
    { command: 'image', icon: <AdminIcon name="image" size={16} />, label: t('playbooks.rich.image') },
  ];
  return (
    <div
      className="rte__toolbar"
      role="toolbar"
      aria-label={t('playbooks.rich.toolbar', { label: props.label })}
    >
      {tools.map((tool) => (
        <button
          key={tool.command}
          type="button"
          className="icon-btn icon-btn--sm rte__tool"
          aria-label={tool.label}
          aria-pressed={tool.command === 'image' ? undefined : props.active[tool.command]}
          title={tool.label}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => props.onCommand(tool.command)}
        >
          {tool.icon}
        </button>
      ))}
      {props.variables.length > 0 && (
        <select
          className="rte__vars"
          aria-label={t('playbooks.rich.variable')}
          value=""
          onChange={(e) => {
            if (e.target.value) props.onVariable(e.target.value);
          }}
        >
          <option value="">{t('playbooks.rich.variable')}</option>
          {props.variables.map((v) => (
            <option key={v.key} value={v.key}>
              {v.label}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
