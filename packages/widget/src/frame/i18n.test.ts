import { describe, expect, it } from 'vitest';
import { createTranslator, failureTextKey, formatCountdown, widgetLanguage } from './i18n';

describe('createTranslator', () => {
  it('speaks Spanish when the playbook language is es', () => {
    expect(createTranslator('es')('startNew')).toBe('Iniciar una nueva conversación');
  });

  it('falls back to English for any other language', () => {
    expect(createTranslator('ja')('startNew')).toBe('Start a new conversation');
  });

  it('fills {name} placeholders and leaves unknown ones visible', () => {
    const t = createTranslator('en');
    expect(t('joined', { name: 'Ana' })).toBe('Ana joined the conversation');
    expect(t('joined')).toBe('{name} joined the conversation');
  });

  it('isolates a name carrying an RLO so the rest of the sentence keeps its direction', () => {
    expect(createTranslator('en')('joined', { name: 'Ana\u202eevil' })).toBe(
      '\u2068Ana\u202eevil\u2069 joined the conversation',
    );
  });
});

describe('formatCountdown', () => {
  it('shows minutes and zero-padded seconds, rounding up, never below zero', () => {
    expect(formatCountdown(59_001)).toBe('1:00');
    expect(formatCountdown(5_000)).toBe('0:05');
    expect(formatCountdown(-300)).toBe('0:00');
  });
});

describe('failureTextKey', () => {
  it('says why the server refused a message, from its error code', () => {
    expect(failureTextKey('FRAME_TOO_LARGE')).toBe('failedTooLong');
    expect(failureTextKey('CONVERSATION_CLOSED')).toBe('failedEnded');
    expect(failureTextKey('RATE_LIMITED')).toBe('failedRefused');
    expect(failureTextKey(undefined)).toBe('failed');
    expect(createTranslator('es')(failureTextKey('FRAME_TOO_LARGE'))).toBe(
      'No enviado: el mensaje es demasiado largo.',
    );
  });
});

describe('widgetLanguage', () => {
  it('keeps the playbook language unless the playbook lets the browser choose', () => {
    expect(widgetLanguage('es', undefined, ['de-DE'])).toBe('es');
    expect(widgetLanguage('es', false, ['de-DE'])).toBe('es');
    expect(widgetLanguage('es', true, ['de-DE', 'en'])).toBe('de');
    expect(widgetLanguage('es', true, ['pt-PT'])).toBe('pt-BR');
    expect(widgetLanguage('es', true, ['ja', 'fr-CA'])).toBe('fr');
    expect(widgetLanguage('fr', true, ['ja'])).toBe('fr');
  });
  it('speaks the three newer languages and the pseudo-locale generated from English', () => {
    expect(createTranslator('pt-BR')('send')).toBe('Enviar');
    expect(createTranslator('fr')('typing', { name: 'Ana' })).toBe('Ana est en train d’écrire…');
    expect(createTranslator('de')('skip')).toBe('Überspringen');
    expect(createTranslator('en-XA')('send')).toBe('[Šéñð !]');
  });
});
