import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../../lib/icons';

export type ComposerTool = 'bold' | 'italic' | 'link' | 'list' | 'canned';

/** The composer's formatting buttons; they keep the text box focused (no focus on mouse down). */
export function ComposerToolbar({ onTool }: { onTool: (tool: ComposerTool) => void }) {
  const { t } = useTranslation();
  const tools: { tool: ComposerTool; icon: IconName; label: string; title: string }[] = [
    { tool: 'bold', icon: 'bold', label: t('composer.bold'), title: t('playbooks.rich.bold') },
    { tool: 'italic', icon: 'italic', label: t('composer.italic'), title: t('playbooks.rich.italic') },
    { tool: 'link', icon: 'link', label: t('composer.link'), title: t('composer.link') },
    { tool: 'list', icon: 'list', label: t('composer.list'), title: t('composer.list') },
    { tool: 'canned', icon: 'zap', label: t('canned.insert'), title: t('canned.insertHint') },
  ];
  return (
    <div className="composer__tools" role="toolbar" aria-label={t('composer.formatting')}>
      {tools.map(({ tool, icon, label, title }) => (
        <button
          key={tool}
          type="button"
          className="icon-btn"
          aria-label={label}
          title={title}
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
