import { describe, expect, it } from 'vitest';
import { cycleCapabilitiesFromConfig } from '../../../../../src-main/connectors/scim/server-config';
import { documentedFilterable } from '../../../../../src-main/connectors/scim/app-constraints';
import { scimSettingsSchema } from '@shared/domain/connections';

describe('what a cycle takes from /ServiceProviderConfig', () => {
  it('takes patch, filter and a positive whole maxResults, and leaves bulk alone', () => {
    expect(
      cycleCapabilitiesFromConfig({
        patch: { supported: false },
        filter: { supported: true, maxResults: 50 },
        bulk: { supported: true, maxOperations: 5 },
      }),
    ).toEqual({ capabilities: { patch: false, filter: true, maxResults: 50 }, problem: null });
  });

  it('ignores what the server does not say, or says in the wrong type', () => {
    expect(
      cycleCapabilitiesFromConfig({
        patch: { supported: 'yes' },
        filter: { supported: false, maxResults: 0 },
      }),
    ).toEqual({ capabilities: { filter: false }, problem: null });
    expect(cycleCapabilitiesFromConfig({ filter: { maxResults: 2.5 } })).toEqual({
      capabilities: {},
      problem: null,
    });
  });

  it('says a body that is not a ServiceProviderConfig is one', () => {
    for (const body of [undefined, 'html', [], { schemas: [] }]) {
      expect(cycleCapabilitiesFromConfig(body)).toEqual({
        capabilities: {},
        problem: 'not a ServiceProviderConfig',
      });
    }
  });
});

describe('the attributes an app documents as filterable', () => {
  const settings = scimSettingsSchema.parse({
    baseUrl: 'https://app.example.com/scim/v2',
    filterableAttributes: { users: ['userName', 'emails.value'] },
  });

  it('compares paths without their value filters and case', () => {
    expect(documentedFilterable(settings, 'User', 'USERNAME')).toBe(true);
    expect(documentedFilterable(settings, 'User', 'emails[type eq "work"].value')).toBe(true);
    expect(documentedFilterable(settings, 'User', 'externalId')).toBe(false);
  });

  it('knows nothing for a type the app lists nothing for', () => {
    expect(documentedFilterable(settings, 'Group', 'displayName')).toBeUndefined();
  });

  it('refuses an unknown key in the list with the closest known one', () => {
    const result = scimSettingsSchema.safeParse({
      baseUrl: 'https://app.example.com/scim/v2',
      filterableAttributes: { user: ['userName'] },
    });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('users');
  });
});
