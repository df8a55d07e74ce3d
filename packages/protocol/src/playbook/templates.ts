import type { TLanguage } from '../common';
import { withPseudoLocales } from '../i18n/languages';
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
    name: withPseudoLocales({ en: 'Blank', es: 'En blanco', 'pt-BR': 'Em branco', fr: 'Vierge', de: 'Leer' }),
    description: withPseudoLocales({
      en: 'A greeting and an end. Build your own flow from here.',
      es: 'Un saludo y un final. Construye tu propio flujo desde aquí.',
      'pt-BR': 'Uma saudação e um fim. Construa seu próprio fluxo a partir daqui.',
      fr: 'Un message d’accueil et une fin. Construisez votre propre parcours à partir d’ici.',
      de: 'Eine Begrüßung und ein Ende. Baue von hier aus deinen eigenen Ablauf.',
    }),
    build: buildBlankPlaybook,
  },
  live_chat: {
    id: 'live_chat',
    name: withPseudoLocales({
      en: 'Live chat',
      es: 'Chat en vivo',
      'pt-BR': 'Chat ao vivo',
      fr: 'Chat en direct',
      de: 'Live-Chat',
    }),
    description: withPseudoLocales({
      en: 'Lets visitors talk to your team; when nobody is available, it collects their name and email as a lead.',
      es: 'Permite a los visitantes hablar con tu equipo; si no hay nadie disponible, recoge su nombre y email como lead.',
      'pt-BR':
        'Permite que os visitantes falem com sua equipe; quando não há ninguém disponível, coleta nome e e-mail como lead.',
      fr: 'Permet aux visiteurs de parler à votre équipe ; si personne n’est disponible, recueille leur nom et leur e-mail comme prospect.',
      de: 'Lässt Besucher mit deinem Team sprechen; ist niemand verfügbar, erfasst es Name und E-Mail als Lead.',
    }),
    build: buildLiveChatPlaybook,
  },
  lead_qualification: {
    id: 'lead_qualification',
    name: withPseudoLocales({
      en: 'Lead qualification',
      es: 'Cualificación de leads',
      'pt-BR': 'Qualificação de leads',
      fr: 'Qualification de prospects',
      de: 'Lead-Qualifizierung',
    }),
    description: withPseudoLocales({
      en: 'Asks for name, email, company and team size, then qualifies the visitor and creates a lead or a deal.',
      es: 'Pide nombre, email, empresa y tamaño del equipo; después cualifica al visitante y crea un lead o una oportunidad.',
      'pt-BR':
        'Pede nome, e-mail, empresa e tamanho da equipe; depois qualifica o visitante e cria um lead ou um negócio.',
      fr: 'Demande le nom, l’e-mail, l’entreprise et la taille de l’équipe, puis qualifie le visiteur et crée un prospect ou une affaire.',
      de: 'Fragt nach Name, E-Mail, Firma und Teamgröße, qualifiziert dann den Besucher und legt einen Lead oder Deal an.',
    }),
    build: buildLeadQualificationPlaybook,
  },
  contact_capture: {
    id: 'contact_capture',
    name: withPseudoLocales({
      en: 'Contact capture',
      es: 'Captura de contactos',
      'pt-BR': 'Captura de contatos',
      fr: 'Collecte de contacts',
      de: 'Kontakterfassung',
    }),
    description: withPseudoLocales({
      en: 'Collects name, email and an optional phone number, then creates a person and a lead.',
      es: 'Recoge nombre, email y, opcionalmente, teléfono; después crea una persona y un lead.',
      'pt-BR': 'Coleta nome, e-mail e, opcionalmente, telefone; depois cria uma pessoa e um lead.',
      fr: 'Recueille le nom, l’e-mail et éventuellement un téléphone, puis crée une personne et un prospect.',
      de: 'Erfasst Name, E-Mail und optional eine Telefonnummer und legt dann eine Person und einen Lead an.',
    }),
    build: buildContactCapturePlaybook,
  },
};
