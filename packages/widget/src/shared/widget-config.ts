export type { TWidgetConfigDto as TWidgetConfig } from '@charla/protocol';

/** The page the visitor is on, as the loader sees it (the frame cannot read its parent's URL). */
export type TPageContext = { url: string; title: string; referrer: string };
