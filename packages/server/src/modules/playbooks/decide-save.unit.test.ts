import { playbookTemplates, validatePlaybook } from '@charla/protocol';
import { describe, expect, it } from 'vitest';
import { decideSave } from './decide-save';

const valid = validatePlaybook(playbookTemplates.live_chat.build('en'));
const doc = playbookTemplates.live_chat.build('en');
const withErrors = validatePlaybook({ ...doc, flow: { ...doc.flow, edges: [] } });
const schemaInvalid = validatePlaybook({ schemaVersion: 99 });

describe('decideSave', () => {
  it('never writes a schema-invalid document', () => {
    for (const status of ['draft', 'active', 'inactive'] as const)
      expect(decideSave(status, schemaInvalid)).toEqual({ ok: false });
  });

  it('saves drafts and inactive playbooks with errors, without publishing', () => {
    expect(decideSave('draft', withErrors)).toEqual({ ok: true, publish: false });
    expect(decideSave('inactive', withErrors)).toEqual({ ok: true, publish: false });
    expect(decideSave('inactive', valid)).toEqual({ ok: true, publish: false });
  });

  it('publishes every error-free save of an active playbook and refuses one with errors', () => {
    expect(decideSave('active', valid)).toEqual({ ok: true, publish: true });
    expect(decideSave('active', withErrors)).toEqual({ ok: false });
  });
});
