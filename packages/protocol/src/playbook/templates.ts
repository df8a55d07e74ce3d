import type { TLanguage } from '../common';
import type { TPlaybookDocument } from './playbook.schema';
import { buildBlankPlaybook } from './templates/blank';
import { buildContactCapturePlaybook } from './templates/contact-capture';
import { buildLeadQualificationPlaybook } from './templates/lead-qualification';
import { buildLiveChatPlaybook } from './templates/live-chat';

export type TPlaybookTemplateId = 'blank' | 'live_chat' | 'lead_qualification' | 'contact_capture';

export const PLAYBOOK_TEMPLATE_IDS = [
  'blank',
  'live_chat',
  'lead_qualification',
  'contact_capture',
] as const satisfies readonly TPlaybookTemplateId[];

export type TPlaybookTemplate = {
  id: TPlaybookTemplateId;
  name: Record<TLanguage, string>;
  description: Record<TLanguage, string>;
  /** A fresh document whose visitor-facing texts are in `language`. */
  build: (language: TLanguage) => TPlaybookDocument;
};

/** The starting points of a new playbook (R5); every build validates with zero findings. */
export const playbookTemplates: Record<TPlaybookTemplateId, TPlaybookTemplate> = {
  blank: {
    id: 'blank',
    name: { en: 'Blank', es: 'En blanco' },
    description: {
      en: 'A greeting and an end. Build your own flow from here.',
      es: 'Un saludo y un final. Construye tu propio flujo desde aquí.',
    },
    build: buildBlankPlaybook,
  },
  live_chat: {
    id: 'live_chat',
    name: { en: 'Live chat', es: 'Chat en vivo' },
    description: {
      en: 'Lets visitors talk to your team; when nobody is available, it collects their name and email as a lead.',
      es: 'Permite a los visitantes hablar con tu equipo; si no hay nadie disponible, recoge su nombre y email como lead.',
    },
    build: buildLiveChatPlaybook,
  },
  lead_qualification: {
    id: 'lead_qualification',
    name: { en: 'Lead qualification', es: 'Cualificación de leads' },
    description: {
      en: 'Asks for name, email, company and team size, then qualifies the visitor and creates a lead or a deal.',
      es: 'Pide nombre, email, empresa y tamaño del equipo; después cualifica al visitante y crea un lead o una oportunidad.',
    },
    build: buildLeadQualificationPlaybook,
  },
  contact_capture: {
    id: 'contact_capture',
    name: { en: 'Contact capture', es: 'Captura de contactos' },
    description: {
      en: 'Collects name, email and an optional phone number, then creates a person and a lead.',
      es: 'Recoge nombre, email y, opcionalmente, teléfono; después crea una persona y un lead.',
    },
    build: buildContactCapturePlaybook,
  },
};
