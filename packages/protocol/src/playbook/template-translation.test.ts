import { describe, expect, it } from 'vitest';
import { toPlainText } from '../rich-text/to-plain-text';
import { planLanguageSwitch } from './template-translation';
import { playbookTemplates } from './templates';
import { validatePlaybook } from './validate-playbook';

const liveChat = (language: 'en' | 'es') => playbookTemplates.live_chat.build(language);

describe('switching a playbook’s language', () => {
  it('translates every text still as the template wrote it: the result is the template in the new language', () => {
    const plan = planLanguageSwitch(liveChat('en'), 'es');
    expect(plan.kept).toEqual([]);
    expect(plan.translatedCount).toBeGreaterThan(8);
    expect(plan.translated).toEqual(liveChat('es'));
    expect(validatePlaybook(plan.translated).findings).toEqual([]);
  });

  it('keeps and lists what the admin wrote, translating the rest, buttons by their id', () => {
    const doc = liveChat('en');
    const choose = doc.flow.nodes.find((n) => n.id === 'choose');
    if (choose?.type !== 'question' || choose.answer.kind !== 'buttons') throw new Error('template changed');
    choose.content = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Want a quote?' }] }],
    };
    choose.answer.options[0]!.label = 'Yes please';
    const plan = planLanguageSwitch(doc, 'es');
    expect(plan.kept).toEqual([
      { nodeId: 'choose', text: 'Want a quote?' },
      { nodeId: 'choose', text: 'Yes please' },
    ]);
    const translatedChoose = plan.translated.flow.nodes.find((n) => n.id === 'choose');
    if (translatedChoose?.type !== 'question' || translatedChoose.answer.kind !== 'buttons')
      throw new Error('lost the card');
    expect(translatedChoose.answer.options.map((o) => o.label)).toEqual(['Yes please', 'Solo estoy mirando']);
    const greeting = plan.translated.flow.nodes.find((n) => n.id === 'greeting');
    expect(greeting?.type === 'message' && toPlainText(greeting.content)).toMatch(/^¡Hola!/);
    expect(plan.translated.appearance.language).toBe('es');
    // The document passed in is not changed.
    expect(doc.appearance.language).toBe('en');
  });

  it('changes nothing but the language when it stays the same or the texts are all the admin’s', () => {
    const same = planLanguageSwitch(liveChat('en'), 'en');
    expect(same).toMatchObject({ translatedCount: 0, kept: [] });
    expect(same.translated).toEqual(liveChat('en'));
  });
});
