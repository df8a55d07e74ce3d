import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ControlButton, Controls, MiniMap, Panel } from '@xyflow/react';
import { useMediaQuery } from '../../lib/use-media-query';
import { AdminIcon } from './admin-icons';
import { FIT_OPTIONS } from './use-canvas-layout';

/** Tidy up, the keyboard shortcuts, the zoom controls and the minimap, which can be hidden. */
export function CanvasChrome({ onTidyUp, onKeys }: { onTidyUp: () => void; onKeys: () => void }) {
  const { t } = useTranslation();
  // The minimap is for wide screens: on a phone it would cover the canvas, so it is not offered.
  const small = useMediaQuery('(max-width: 767px)');
  const [minimap, setMinimap] = useState(true);
  return (
    <>
      <Panel position="top-left" className="pb-canvas__tools">
        <button type="button" className="btn btn--sm" onClick={onTidyUp} data-testid="tidy-up">
          <AdminIcon name="layout" size={14} /> {t('playbooks.layout.tidyUp')}
        </button>
        <button
          type="button"
          className="btn btn--sm"
          onClick={onKeys}
          aria-label={t('playbooks.keys.help')}
          title={t('playbooks.keys.help')}
          aria-keyshortcuts="?"
          data-testid="canvas-keys"
        >
          <AdminIcon name="keyboard" size={14} />
        </button>
      </Panel>
      <Controls showInteractive={false} fitViewOptions={FIT_OPTIONS}>
        {!small && (
          <ControlButton
            onClick={() => setMinimap((on) => !on)}
            aria-pressed={minimap}
            aria-label={minimap ? t('playbooks.layout.hideMap') : t('playbooks.layout.showMap')}
            title={minimap ? t('playbooks.layout.hideMap') : t('playbooks.layout.showMap')}
            data-testid="toggle-minimap"
          >
            <AdminIcon name="map" size={14} />
          </ControlButton>
        )}
      </Controls>
      {!small && minimap && (
        <MiniMap
          pannable
          zoomable
          ariaLabel={t('playbooks.minimap')}
          nodeStrokeWidth={2}
          style={{ width: 168, height: 112 }}
        />
      )}
    </>
  );
}
