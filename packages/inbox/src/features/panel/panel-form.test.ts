import { beforeAll, describe, expect, it } from 'vitest';
import { loadDraftSchemas } from '../../lib/draft-schemas';
import { formatAmount, parseAmount, panelToForm, validatePanelForm, type PanelForm } from './panel-form';

beforeAll(async () => {
  await loadDraftSchemas();
});

const form = (overrides: Partial<PanelForm> = {}): PanelForm => ({
  amount: '',
  currency: 'EUR',
  expectedCloseDate: '',
  personName: '',
  personEmail: '',
  personPhone: '',
  organizationName: '',
  organizationAddress: '',
  notes: '',
  ...overrides,
});
const messages = { amount: 'bad amount' };

describe('parseAmount', () => {
  it('reads plain, decimal and grouped amounts', () => {
    expect(parseAmount('1250')).toBe(1250);
    expect(parseAmount('12.5')).toBe(12.5);
    expect(parseAmount('12,50')).toBe(12.5);
    expect(parseAmount('1,250.50')).toBe(1250.5);
    expect(parseAmount('1.250')).toBe(1250);
  });
  it('returns null for text', () => {
    expect(parseAmount('abc')).toBeNull();
    expect(parseAmount('-5')).toBeNull();
  });
});

describe('validatePanelForm', () => {
  it('builds the request with minor units and nulls for empty fields', () => {
    const result = validatePanelForm(form({ amount: '12.50', personEmail: 'Ana@X.io' }), messages);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.value).toEqual({ amountMinor: 1250, currency: 'EUR' });
      expect(result.value.person).toEqual({ name: null, email: 'ana@x.io', phone: null });
    }
  });
  it('reports each invalid field inline', () => {
    const result = validatePanelForm(
      form({ amount: 'x', personEmail: 'nope', personPhone: '12', expectedCloseDate: '2025-02-30' }),
      messages,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(Object.keys(result.errors).sort()).toEqual([
        'amount',
        'expectedCloseDate',
        'personEmail',
        'personPhone',
      ]);
  });
});

describe('panelToForm', () => {
  it('turns the pre-filled panel into strings', () => {
    const f = panelToForm({
      conversationId: 'c',
      saved: false,
      value: { amountMinor: 990, currency: 'USD' },
      expectedCloseDate: null,
      person: { name: 'Ana', email: null, phone: null },
      organization: { name: null, address: null },
      notes: '',
      leads: [],
      deals: [],
      linked: null,
      updatedAt: null,
      updatedBy: null,
    });
    expect(f).toMatchObject({ amount: '9.90', currency: 'USD', personName: 'Ana', personEmail: '' });
  });
});

describe('formatAmount', () => {
  it.each([
    ['en', '12,345.67'],
    ['es', '12.345,67'],
    ['pt-BR', '12.345,67'],
    ['de', '12.345,67'],
    ['ar', '12,345.67'],
  ])('shows the amount as %s writes it, and reads it back', (locale, shown) => {
    const text = formatAmount(1234567, 'EUR', locale);
    expect(text.replace(/[\u066c\u060c]/g, ',').replace('\u066b', '.')).toBe(shown);
    expect(parseAmount(text)).toBe(12345.67);
  });
  it('reads back the French narrow spaces too', () => {
    expect(parseAmount(formatAmount(1234567, 'EUR', 'fr'))).toBe(12345.67);
    expect(formatAmount(1000, 'JPY', 'de')).toBe('1.000');
  });
});
