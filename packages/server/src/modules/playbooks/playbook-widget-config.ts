import { loaderWords, type TWidgetConfigDto } from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import { isLiveChatOfflineOnly } from './live-chat-offline-only';
import { toPlaybookRecord } from './playbook-dto';
import { getRevision, isEmbeddedNow, type PlaybooksDeps } from './playbook-read';
import { decideWidgetRequest } from './widget-request';

/**
 * The widget loader's config (R8): only for active playbooks, only from allowed origins;
 * records the install when the request comes from a real page.
 */
export async function widgetConfig(
  deps: PlaybooksDeps,
  publicId: string,
  request: { origin: string | undefined; pageUrl: string | undefined },
): Promise<TWidgetConfigDto> {
  const { store, clock, publicUrl } = deps;
  const row = await store.findByPublicId(publicId);
  if (!row || row.deleted_at !== null || row.status !== 'active' || row.published_revision === null)
    throw new AppError('PLAYBOOK_NOT_FOUND');
  const record = toPlaybookRecord(row);
  const decision = decideWidgetRequest({ ...request, publicUrl, allowedOrigins: record.allowedOrigins });
  if (!decision.allowed)
    throw new AppError('ORIGIN_NOT_ALLOWED', {
      message: 'This playbook may not be embedded on this website.',
    });
  if (decision.install)
    await store.upsertInstall(record.id, decision.install.origin, decision.install.lastUrl, clock.now());
  const document = await getRevision(deps, record.id, row.published_revision);
  const embedded = decision.install !== null || (await isEmbeddedNow(deps, record.id));
  return {
    publicId: record.publicId,
    revision: row.published_revision,
    language: document.appearance.language,
    appearance: document.appearance,
    greeting: document.targeting.greeting,
    liveChatOfflineOnly: isLiveChatOfflineOnly(document, embedded),
    words: loaderWords(document.appearance.language),
  };
}
