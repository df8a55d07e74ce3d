import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../lib/icons';
import { AdminIcon } from './admin-icons';
import type { RichTextCommand } from './rich-text-editing';

/** The rich-text editor's buttons; they keep the text box focused (no focus on mouse down). */
export function RichTextToolbar({
  label,
  onCommand,
}: {
  label: string;
  onCommand: (c: RichTextCommand) => void;
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
    <div className="rte__toolbar" role="toolbar" aria-label={t('playbooks.rich.toolbar', { label })}>
      {tools.map((tool) => (
        <button
          key={tool.command}
          type="button"
          className="icon-btn icon-btn--sm rte__tool"
          aria-label={tool.label}
          title={tool.label}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onCommand(tool.command)}
        >
          {tool.icon}
        </button>
      ))}
    </div>
  );
}
