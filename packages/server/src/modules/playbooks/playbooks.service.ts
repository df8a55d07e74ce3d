import type { TLanguage } from '@charla/protocol';
import {
  playbookTemplates,
  PLAYBOOK_TEMPLATE_IDS,
  validatePlaybook,
  type TCreatePlaybookRequest,
  type TPlaybookTemplateDto,
  type TPlaybookValidationDto,
  type TSavePlaybookRequest,
} from '@charla/protocol';
import * as read from './playbook-read';
import type { PlaybooksDeps } from './playbook-read';
import { widgetConfig } from './playbook-widget-config';
import * as write from './playbook-write';
import { ensureStarterPlaybook, localizeStarterPlaybook } from './starter-playbook';

export type { PublishedPlaybook } from './playbook-read';

function listTemplates(): TPlaybookTemplateDto[] {
  return PLAYBOOK_TEMPLATE_IDS.map((id) => {
    const { name, description } = playbookTemplates[id];
    return { id, name, description };
  });
}

/** Dry-run of the validator for the editor, with the company's settings. */
async function validate(deps: PlaybooksDeps, document: unknown): Promise<TPlaybookValidationDto> {
  const { ok, findings } = validatePlaybook(document, await read.validationOptions(deps));
  return { ok, findings };
}

/**
 * Playbook management (R2–R8): admins create, save, publish and delete; every user reads; the
 * widget loader fetches the published appearance and thereby records where it is installed;
 * the conversation runtime reads published snapshots. The functions live in playbook-read,
 * playbook-write and playbook-widget-config; this binds them to their dependencies.
 */
export function createPlaybooksService(deps: PlaybooksDeps) {
  return {
    getDto: (id: string) => read.getDto(deps, id),
    list: () => read.listPlaybooks(deps),
    ensureStarterPlaybook: (language: TLanguage, claimant: string) =>
      ensureStarterPlaybook(deps, language, claimant),
    /** After setup: the untouched starter playbook in the chosen language (issue 23). */
    localizeStarter: (language: TLanguage) => localizeStarterPlaybook(deps, language),
    listTemplates,
    create: (input: TCreatePlaybookRequest, userId: string) => write.createPlaybook(deps, input, userId),
    save: (id: string, input: TSavePlaybookRequest, userId: string) =>
      write.savePlaybook(deps, id, input, userId),
    duplicate: (id: string, input: { name?: string | undefined } | null | undefined, userId: string) =>
      write.duplicatePlaybook(deps, id, input, userId),
    activate: (id: string, userId: string | null) => write.activate(deps, id, userId),
    deactivate: (id: string, userId: string) => write.deactivate(deps, id, userId),
    remove: (id: string, userId: string) => write.removePlaybook(deps, id, userId),
    validate: (document: unknown) => validate(deps, document),
    widgetConfig: (publicId: string, request: { origin: string | undefined; pageUrl: string | undefined }) =>
      widgetConfig(deps, publicId, request),
    findById: (id: string) => read.findById(deps, id),
    findByPublicId: (publicId: string) => read.findByPublicId(deps, publicId),
    getPublishedForStart: (publicId: string) => read.getPublishedForStart(deps, publicId),
    getRevision: (playbookId: string, revision: number) => read.getRevision(deps, playbookId, revision),
    isEmbedded: (playbookId: string) => read.isEmbeddedNow(deps, playbookId),
  };
}
export type PlaybooksService = ReturnType<typeof createPlaybooksService>;
