import { describe, expect, it } from 'vitest';
import {
  cleanSettings,
  newDraft,
  secretChanges,
  validateDraft,
} from '../../../src-renderer/views/connections/parts/form-model';

describe('connection form model', () => {
  it('finds the problems a SCIM draft has, keyed by field', () => {
    const draft = newDraft('scim');
    draft.settings['baseUrl'] = 'http://scim.example.com';
    expect(Object.keys(validateDraft(draft)).sort()).toEqual(['name', 'settings.baseUrl']);
  });

  it('drops cleared inputs so the schema defaults apply', () => {
    expect(cleanSettings({ a: '', b: null, c: 0, d: 'x' })).toEqual({ c: 0, d: 'x' });
  });

  it('sends only typed secrets the chosen authentication uses, and removals', () => {
    const draft = newDraft('scim');
    draft.settings['authType'] = 'bearer';
    draft.secrets = {
      bearerToken: { value: 'tok', clear: false },
      password: { value: 'unused', clear: false },
      clientSecret: { value: '', clear: true },
    };
    expect(secretChanges(draft)).toEqual({ bearerToken: 'tok', clientSecret: null });
  });
});
