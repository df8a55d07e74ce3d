import { describe, expect, it } from 'vitest';
import { ZLanguage } from '../common';
import { portsOf } from './ports';
import { PLAYBOOK_TEMPLATE_IDS, playbookTemplates } from './templates';
import { validatePlaybook } from './validate-playbook';

const LANGUAGES = ZLanguage.options;

describe('playbookTemplates', () => {
  it('has one entry per template id, keyed by its id', () => {
    expect(Object.keys(playbookTemplates).sort()).toEqual([...PLAYBOOK_TEMPLATE_IDS].sort());
    for (const id of PLAYBOOK_TEMPLATE_IDS) expect(playbookTemplates[id].id).toBe(id);
  });

  describe.each(PLAYBOOK_TEMPLATE_IDS)('%s', (id) => {
    it.each(LANGUAGES)('validates with no findings at all in %s', (language) => {
      const result = validatePlaybook(playbookTemplates[id].build(language));
      expect(result.findings).toEqual([]);
      expect(result.ok).toBe(true);
    });

    it('has a name and a description in every language', () => {
      for (const language of LANGUAGES) {
        expect(playbookTemplates[id].name[language]).not.toBe('');
        expect(playbookTemplates[id].description[language]).not.toBe('');
      }
      expect(playbookTemplates[id].name.es).not.toBe(playbookTemplates[id].name.en);
    });

    it('builds the visitor texts in the requested language', () => {
      const en = playbookTemplates[id].build('en');
      const es = playbookTemplates[id].build('es');
      expect(en.appearance.language).toBe('en');
      expect(es.appearance.language).toBe('es');
      expect(es.flow.nodes[0]).not.toEqual(en.flow.nodes[0]);
      expect(es.flow.nodes.map((n) => n.id)).toEqual(en.flow.nodes.map((n) => n.id));
    });

    it('builds a fresh document every time', () => {
      const a = playbookTemplates[id].build('en');
      a.flow.nodes.pop();
      a.appearance.colors.primary = '#000000';
      expect(playbookTemplates[id].build('en').flow.nodes.length).toBe(a.flow.nodes.length + 1);
      expect(playbookTemplates[id].build('en').appearance.colors.primary).not.toBe('#000000');
    });

    it('places every card for the editor', () => {
      for (const node of playbookTemplates[id].build('en').flow.nodes) expect(node.ui).toBeDefined();
    });
  });

  it('live chat (R5) has a greeting, a talk-to-someone question, the live chat card and an offline path to a qualified end', () => {
    const doc = playbookTemplates.live_chat.build('en');
    const byId = new Map(doc.flow.nodes.map((n) => [n.id, n]));
    const next = (from: string, port: string) =>
      doc.flow.edges.find((e) => e.from.nodeId === from && e.from.port === port)?.to.nodeId;
    expect(byId.get(doc.flow.startNodeId)?.type).toBe('message');
    const question = byId.get(next(doc.flow.startNodeId, 'next') ?? '');
    expect(question?.type).toBe('question');
    const ports = question ? portsOf(question).map((p) => p.name) : [];
    expect(ports).toEqual(['option:talk', 'option:browse']);
    expect(byId.get(next('choose', 'option:talk') ?? '')?.type).toBe('live_chat');
    expect(byId.get(next('choose', 'option:browse') ?? '')).toMatchObject({
      type: 'end',
      outcome: 'neutral',
    });
    expect(next('live_chat', 'offline')).toBe('ask_name');
    expect(byId.get('end_follow_up')).toMatchObject({
      outcome: 'qualified',
      crm: { person: { mode: 'upsert_by_email_or_phone' }, record: { kind: 'lead' }, saveTranscript: true },
    });
  });
});
