import type { TCrmCurrency, TCrmMoney, TCrmRef } from '@charla/protocol';

/** Names and conversation links loaded once for a page of rows. */
export type CrmRefNames = {
  persons: Map<string, string>;
  organizations: Map<string, string>;
  stages: Map<string, string>;
  conversations: Map<string, string[]>;
};

/** The money of a row, or null when it has none. */
export function toMoney(valueMinor: number | null, currency: string | null): TCrmMoney | null {
  if (valueMinor === null || currency === null) return null;
  return { amountMinor: Number(valueMinor), currency: currency as TCrmCurrency };
}

/** A reference with the name to show for it, or null. */
export function refOf(id: string | null, names: Map<string, string>): TCrmRef | null {
  return id === null ? null : { id, name: names.get(id) ?? '' };
}
