import { useTranslation } from 'react-i18next';
import type { ActiveFormats } from '../../components/rich-text/rich-text-editing';
import { Icon, type IconName } from '../../lib/icons';

export type ComposerTool = 'bold' | 'italic' | 'link' | 'list' | 'canned';

/**
 * The composer's buttons: the playbook card editor's formats with its labels and shortcuts
 * (pressed while the selection has that format), and the canned responses. They keep the editor
 * focused (no focus on mouse down).
 */
export function ComposerToolbar({
  active,
  onTool,
  canned = true,
}: {
  active: ActiveFormats;
  onTool: (tool: ComposerTool) => void;
  /** The canned responses' button (the reply composer's; notes have none). */
  canned?: boolean;
}) {
  const { t } = useTranslation();
  const tools: { tool: ComposerTool; icon: IconName; label: string; title?: string }[] = [
    { tool: 'bold', icon: 'bold', label: t('playbooks.rich.bold') },
    { tool: 'italic', icon: 'italic', label: t('playbooks.rich.italic') },
    { tool: 'link', icon: 'link', label: t('playbooks.rich.link') },
    { tool: 'list', icon: 'list', label: t('playbooks.rich.list') },
  ];
  if (canned)
    tools.push({ tool: 'canned', icon: 'zap', label: t('canned.insert'), title: t('canned.insertHint') });
  return (
    <div className="composer__tools" role="toolbar" aria-label={t('composer.formatting')}>
      {tools.map(({ tool, icon, label, title }) => (
        <button
          key={tool}
          type="button"
          className="icon-btn"
          aria-label={label}
          aria-pressed={tool === 'canned' ? undefined : active[tool]}
          title={title ?? label}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onTool(tool)}
          {...(tool === 'canned' ? { 'data-testid': 'canned-button' } : {})}
        >
          <Icon name={icon} size={16} />
        </button>
      ))}
    </div>
  );
}
