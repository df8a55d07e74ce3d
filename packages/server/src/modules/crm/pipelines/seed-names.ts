import { withPseudoLocales, type TLanguage } from '@charla/protocol';

/** The seeded pipeline's and stages' names in each language the inbox speaks (R26). */
const SEED_NAMES: Record<TLanguage, Record<string, string>> = withPseudoLocales({
  en: {
    sales: 'Sales',
    qualified: 'Qualified',
    contact_made: 'Contact made',
    proposal_sent: 'Proposal sent',
    negotiation: 'Negotiation',
  },
  es: {
    sales: 'Ventas',
    qualified: 'Cualificado',
    contact_made: 'Contacto realizado',
    proposal_sent: 'Propuesta enviada',
    negotiation: 'Negociación',
  },
  'pt-BR': {
    sales: 'Vendas',
    qualified: 'Qualificado',
    contact_made: 'Contato feito',
    proposal_sent: 'Proposta enviada',
    negotiation: 'Negociação',
  },
  fr: {
    sales: 'Ventes',
    qualified: 'Qualifié',
    contact_made: 'Contact établi',
    proposal_sent: 'Proposition envoyée',
    negotiation: 'Négociation',
  },
  de: {
    sales: 'Vertrieb',
    qualified: 'Qualifiziert',
    contact_made: 'Kontakt hergestellt',
    proposal_sent: 'Angebot gesendet',
    negotiation: 'Verhandlung',
  },
});

/** The name of a seeded pipeline or stage in `language`; null for a key it does not know. */
export function seedName(key: string, language: TLanguage): string | null {
  return SEED_NAMES[language][key] ?? null;
}

/**
 * The stages' order after moving `stageId` to `position` (clamped to the ends): a pure reorder
 * the store then writes as positions 0, 1, 2, …
 */
export function reorderedIds(ids: readonly string[], stageId: string, position: number): string[] {
  const rest = ids.filter((id) => id !== stageId);
  const at = Math.max(0, Math.min(position, rest.length));
  return [...rest.slice(0, at), stageId, ...rest.slice(at)];
}
