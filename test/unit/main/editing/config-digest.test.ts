import { describe, expect, it } from 'vitest';
import { jobConfigSchema, type JobConfig } from '@shared/domain/jobs';
import { configDigest } from '../../../../src-main/engine/config-digest';

function config(): JobConfig {
  return jobConfigSchema.parse({
    name: 'HR → App',
    sourceConnection: 'HR',
    targetConnection: 'App',
    objectMappings: [
      {
        name: 'Users',
        sourceObject: 'User',
        targetObject: 'User',
        attributeMappings: [
          { target: 'userName', type: 'Direct', source: 'email', matchingPriority: 1 },
          { target: 'displayName', type: 'Direct', source: 'displayName' },
        ],
      },
    ],
    targetSchema: [{ objectType: 'User', name: 'displayName' }],
  });
}

describe('the configuration digest', () => {
  it('is the same for the same configuration', () => {
    expect(configDigest(config())).toBe(configDigest(config()));
    expect(configDigest(config())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with what decides an object’s target state', () => {
    const base = configDigest(config());
    const mapping = config();
    const displayName = mapping.objectMappings[0]?.attributeMappings[1];
    if (displayName) displayName.source = 'givenName';
    const filter = config();
    filter.objectMappings[0]?.scope.filters.push({
      title: '',
      clauses: [{ attribute: 'a', operator: 'IS NOT NULL' }],
    });
    const schema = config();
    schema.targetSchema = schema.targetSchema.map((a) => ({ ...a, caseExact: true }));
    const assignments = config();
    assignments.assignments.users.push('E1');
    const scope = config();
    scope.settings.scope = 'all';
    for (const changed of [mapping, filter, schema, assignments, scope])
      expect(configDigest(changed)).not.toBe(base);
  });

  it('ignores what re-evaluates nothing: names, schedule, rates, notifications', () => {
    const other = config();
    other.name = 'Renamed';
    other.sourceConnection = 'HR 2';
    other.settings.intervalMinutes = 5;
    other.settings.maxRequestsPerSecond = 3;
    other.settings.deletionThreshold = 1;
    expect(configDigest(other)).toBe(configDigest(config()));
  });
});
