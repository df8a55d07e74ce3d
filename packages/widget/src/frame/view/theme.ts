import type { TWidgetConfig } from '../../shared/widget-config';
import { readableTextOn } from './colors';

/** The playbook's colours as CSS custom properties, with readable text colours derived for each surface. */
export function applyTheme(root: HTMLElement, colors: TWidgetConfig['appearance']['colors']): void {
  const set = (name: string, value: string): void => root.style.setProperty(name, value);
  set('--primary', colors.primary);
  set('--primary-text', colors.primaryText);
  set('--bg', colors.background);
  set('--bg-text', readableTextOn(colors.background));
  set('--bot', colors.botBubble);
  set('--bot-text', readableTextOn(colors.botBubble));
  set('--me', colors.visitorBubble);
  set('--me-text', readableTextOn(colors.visitorBubble));
}
