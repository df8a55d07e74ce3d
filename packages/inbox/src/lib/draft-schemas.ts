/**
 * The protocol's zod schemas the inbox checks drafts with (side-panel fields, message bodies),
 * loaded in a chunk of their own once a conversation opens: zod is not in the first page's script
 * (issue 25). Until they arrive a draft is checked by the server alone, which always checks it.
 */
type DraftSchemas = typeof import('./draft-schemas.chunk');

let loaded: DraftSchemas | null = null;
let loading: Promise<DraftSchemas> | null = null;

export function loadDraftSchemas(): Promise<DraftSchemas> {
  loading ??= import('./draft-schemas.chunk').then((schemas) => (loaded = schemas));
  return loading;
}

/** The schemas if they have arrived, else null. */
export function draftSchemas(): DraftSchemas | null {
  return loaded;
}
