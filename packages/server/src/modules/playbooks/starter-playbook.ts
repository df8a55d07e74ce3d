import {
  playbookTemplates,
  withPseudoLocales,
  type TLanguage,
  type TPlaybookDocument,
} from '@charla/protocol';
import { randomUUID } from 'node:crypto';
import { newId } from '../../lib/ids';
import { toJsonColumn } from '../../lib/json';
import { toPlaybookRecord } from './playbook-dto';
import type { PlaybooksDeps } from './playbook-read';
import { activate } from './playbook-write';
import type { PlaybookRow } from './playbooks.store';

/** The starter playbook's name in each language the inbox speaks. */
const STARTER_NAME: Record<TLanguage, string> = withPseudoLocales({
  en: 'Website chat',
  es: 'Chat del sitio web',
  'pt-BR': 'Chat do site',
  fr: 'Chat du site web',
  de: 'Website-Chat',
});

/** Created by the install and never saved, activated or deactivated by a user since. */
function isUntouchedStarter(row: PlaybookRow): boolean {
  return (
    row.template_id === 'live_chat' &&
    row.created_by === null &&
    row.updated_by === null &&
    row.deleted_at === null
  );
}

/**
 * On a fresh install: one active "Live chat" playbook, so the demo page and the inbox work at
 * once. The setting claim makes sure only one of several starting processes creates it.
 */
export async function ensureStarterPlaybook(
  deps: PlaybooksDeps,
  language: TLanguage,
  claimant: string,
): Promise<void> {
  const { store, settings, clock } = deps;
  if ((await store.listLive()).length > 0) return;
  if ((await settings.setIfAbsent('starter_playbook', claimant, clock.now())) !== claimant) return;
  const document = playbookTemplates.live_chat.build(language);
  const now = clock.now();
  const row: PlaybookRow = {
    id: newId(),
    public_id: randomUUID(),
    name: STARTER_NAME[language],
    status: 'draft',
    revision: 1,
    published_revision: null,
    document: toJsonColumn(document),
    allowed_origins: toJsonColumn([]),
    template_id: 'live_chat',
    created_at: now,
    updated_at: now,
    created_by: null,
    updated_by: null,
    deleted_at: null,
  };
  await store.insert(row);
  await activate(deps, row.id, null);
}

/**
 * The starter is seeded in English before anyone has chosen a language; once the first admin
 * picks one on the setup screen, a starter nobody touched is rebuilt from the Live chat
 * template in that language (name, messages, buttons, questions, offline path). It keeps its
 * id and public id, so an installed snippet and /demo keep working; the new texts are a new
 * published revision, so a conversation already running stays on the revision it started on.
 * A starter a user saved, activated, deactivated or deleted is left as it is. Returns whether
 * it changed anything.
 */
export async function localizeStarterPlaybook(deps: PlaybooksDeps, language: TLanguage): Promise<boolean> {
  const { store, clock } = deps;
  const starter = (await store.listLive()).find(isUntouchedStarter);
  if (!starter) return false;
  const record = toPlaybookRecord(starter);
  const document: TPlaybookDocument = playbookTemplates.live_chat.build(language);
  const name = STARTER_NAME[language];
  if (record.name === name && JSON.stringify(record.document) === JSON.stringify(document)) return false;
  const revision = record.revision + 1;
  const json = toJsonColumn(document);
  const now = clock.now();
  const published = record.status === 'active';
  return store.transaction(async (tx) => {
    const updated = await tx.updateAtRevision(record.id, record.revision, {
      revision,
      name,
      document: json,
      ...(published ? { published_revision: revision } : {}),
      updated_at: now,
    });
    if (updated && published)
      await tx.insertRevision({ playbook_id: record.id, revision, document: json, created_at: now });
    return updated;
  });
}
