import { describe, expect, it } from 'vitest';
import type { ConnectionView } from '@shared/domain/connections';
import { useTransport } from '../../../src-renderer/api';
import type { Transport } from '../../../src-renderer/api/transport';
import {
  appOfConnection,
  jobDefaultsFor,
} from '../../../src-renderer/views/jobs/wizard/gallery/app-job-defaults';

function recording(): { calls: { command: string; input: unknown }[] } {
  const calls: { command: string; input: unknown }[] = [];
  const transport: Transport = {
    kind: 'browser',
    invoke: async (command, input) => {
      calls.push({ command, input });
      if (command === 'apps.jobDefaults')
        return {
          ok: true,
          value: {
            config: { name: 'from profile' },
            omittedMappings: [{ objectMapping: 'Users', target: 'title', missing: ['jobTitle'] }],
          },
        };
      return { ok: true, value: { name: 'generic' } };
    },
    subscribe: () => () => {},
  };
  useTransport(transport);
  return { calls };
}

const pair = { name: 'HR → Slack', sourceConnection: 'HR', targetConnection: 'Slack' };

function connection(kind: ConnectionView['kind'], settings: Record<string, unknown>): ConnectionView {
  return {
    id: 'c',
    name: 'Slack',
    kind,
    settings,
    secrets: {},
    createdAt: '',
    updatedAt: '',
  };
}

describe('a job’s defaults: the app profile when it came from the gallery', () => {
  it('restores the profile’s mappings for a job that remembers its app', async () => {
    const { calls } = recording();
    const defaults = await jobDefaultsFor(pair, 'slack');
    expect(calls).toEqual([{ command: 'apps.jobDefaults', input: { app: 'slack', ...pair } }]);
    expect(defaults.config.name).toBe('from profile');
    expect(defaults.omittedMappings).toHaveLength(1);
  });

  it('uses the generic defaults for a job without an app', async () => {
    const { calls } = recording();
    const defaults = await jobDefaultsFor(pair, undefined);
    expect(calls).toEqual([{ command: 'jobs.defaults', input: pair }]);
    expect(defaults).toEqual({ config: { name: 'generic' }, omittedMappings: [] });
  });

  it('reads the app from a SCIM connection made from the gallery, and only from one', () => {
    expect(appOfConnection(connection('scim', { app: 'slack' }))).toBe('slack');
    expect(appOfConnection(connection('scim', {}))).toBeUndefined();
    expect(appOfConnection(connection('ldap', { app: 'slack' }))).toBeUndefined();
    expect(appOfConnection(undefined)).toBeUndefined();
  });
});
