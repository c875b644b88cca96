import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { connectionSettingsSchemas, connectionCreateInputSchema } from '@shared/domain/connections';
import { connectionsFileSchema, jobFileSchema } from '@shared/domain/job-file';
import { jobConfigSchema } from '@shared/domain/jobs';
import {
  describeInputProblems,
  formatPath,
  inputProblems,
  type InputProblem,
} from '@shared/domain/strict-input';

const mappings = [
  {
    name: 'Users',
    sourceObject: 'User',
    targetObject: 'User',
    attributeMappings: [{ target: 'userName', type: 'Direct', source: 'email', matchingPriority: 1 }],
  },
];
const job = { name: 'J', sourceConnection: 'HR', targetConnection: 'App', objectMappings: mappings };
const csv = { name: 'HR', kind: 'csv', settings: { path: '/srv/hr.csv', keyColumn: 'employeeId' } };
const scim = { name: 'App', kind: 'scim', settings: { baseUrl: 'https://app.example/scim' } };
const ldap = {
  name: 'Dir',
  kind: 'ldap',
  settings: { url: 'ldaps://dc.example', bindDn: 'cn=admin,dc=example', baseDn: 'dc=example' },
};

function problemsOf(schema: z.ZodType, input: unknown): InputProblem[] {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : inputProblems(parsed.error);
}

interface Case {
  what: string;
  schema: z.ZodType;
  input: unknown;
  path: string;
  message: RegExp;
}

const cases: Case[] = [
  {
    what: 'a misspelt job setting',
    schema: jobFileSchema,
    input: { format: 'roster-job', version: 1, job: { ...job, settings: { maxConcurency: 3 } } },
    path: 'job.settings.maxConcurency',
    message: /unknown key — did you mean "maxConcurrency"\?/,
  },
  {
    what: 'a misspelt CSV setting in a job file',
    schema: jobFileSchema,
    input: {
      format: 'roster-job',
      version: 1,
      connections: [{ ...csv, settings: { path: '/srv/hr.csv', keyColum: 'employeeId' } }],
      job,
    },
    path: 'connections[0].settings.keyColum',
    message: /did you mean "keyColumn"\?/,
  },
  {
    what: 'a misspelt key of an attribute mapping',
    schema: jobConfigSchema,
    input: {
      ...job,
      objectMappings: [{ ...mappings[0], attributeMappings: [{ target: 'a', type: 'Direct', sorce: 'b' }] }],
    },
    path: 'objectMappings[0].attributeMappings[0].sorce',
    message: /did you mean "source"\?/,
  },
  {
    what: 'a misspelt key of a scoping clause',
    schema: jobConfigSchema,
    input: {
      ...job,
      objectMappings: [
        {
          ...mappings[0],
          scope: { filters: [{ clauses: [{ attribute: 'a', operator: 'EQUALS', valu: 'x' }] }] },
        },
      ],
    },
    path: 'objectMappings[0].scope.filters[0].clauses[0].valu',
    message: /did you mean "value"\?/,
  },
  {
    what: 'a misspelt key of a target schema attribute',
    schema: jobConfigSchema,
    input: { ...job, targetSchema: [{ objectType: 'User', name: 'userName', requried: true }] },
    path: 'targetSchema[0].requried',
    message: /did you mean "required"\?/,
  },
  {
    what: 'an unknown top-level key of a job file',
    schema: jobFileSchema,
    input: { format: 'roster-job', version: 1, job, jobs: [] },
    path: 'jobs',
    message: /did you mean "job"\?/,
  },
  {
    what: 'token for bearerToken in a connections file',
    schema: connectionsFileSchema,
    input: {
      format: 'roster-connections',
      version: 1,
      connections: [{ ...scim, settings: { ...scim.settings, token: 's3cret' } }],
    },
    path: 'connections[0].settings.token',
    message: /did you mean "bearerToken"\?.*Secrets never belong.*roster secret set <connection> bearerToken/,
  },
  {
    what: 'the bearerToken itself in a connections file',
    schema: connectionsFileSchema,
    input: {
      format: 'roster-connections',
      version: 1,
      connections: [{ ...scim, settings: { ...scim.settings, bearerToken: 's3cret' } }],
    },
    path: 'connections[0].settings.bearerToken',
    message: /^bearerToken is a secret\. Secrets never belong.*roster secret set <connection> bearerToken/,
  },
  {
    what: 'an LDAP password in a connections file',
    schema: connectionsFileSchema,
    input: {
      format: 'roster-connections',
      version: 1,
      connections: [{ ...ldap, settings: { ...ldap.settings, password: 'x' } }],
    },
    path: 'connections[0].settings.password',
    message: /did you mean "bindPassword"\?.*roster secret set <connection> bindPassword/,
  },
  {
    what: 'a misspelt LDAP setting',
    schema: connectionsFileSchema,
    input: {
      format: 'roster-connections',
      version: 1,
      connections: [{ ...ldap, settings: { ...ldap.settings, disableAttribue: 'employeeType' } }],
    },
    path: 'connections[0].settings.disableAttribue',
    message: /did you mean "disableAttribute"\?/,
  },
  {
    what: 'a misspelt key inside a CSV memberships file block',
    schema: connectionsFileSchema,
    input: {
      format: 'roster-connections',
      version: 1,
      connections: [
        { ...csv, settings: { ...csv.settings, membershipsFile: { path: '/m.csv', groupColum: 'g' } } },
      ],
    },
    path: 'connections[0].settings.membershipsFile.groupColum',
    message: /did you mean "groupColumn"\?/,
  },
  {
    what: 'a key nothing resembles',
    schema: connectionsFileSchema,
    input: {
      format: 'roster-connections',
      version: 1,
      connections: [{ ...scim, settings: { ...scim.settings, zzz: 1 } }],
    },
    path: 'connections[0].settings.zzz',
    message: /unknown key \(known keys here: baseUrl, authType/,
  },
  {
    what: 'an unknown connection kind',
    schema: connectionsFileSchema,
    input: { format: 'roster-connections', version: 1, connections: [{ ...scim, kind: 'smtp' }] },
    path: 'connections[0].kind',
    message: /Expected 'csv' \| 'ldap' \| 'scim'/,
  },
];

describe('strict input: unknown keys are refused with their path and a suggestion', () => {
  it.each(cases)('$what', ({ schema, input, path, message }) => {
    const problems = problemsOf(schema, input);
    expect(problems.map((p) => p.path)).toContain(path);
    expect(problems.find((p) => p.path === path)?.message).toMatch(message);
  });

  it('names each of several unknown keys of one object on its own line', () => {
    const problems = problemsOf(jobConfigSchema, { ...job, settings: { maxConcurency: 1, scoep: 'all' } });
    expect(problems).toEqual([
      { path: 'settings.maxConcurency', message: 'unknown key — did you mean "maxConcurrency"?' },
      { path: 'settings.scoep', message: 'unknown key — did you mean "scope"?' },
    ]);
  });

  it('applies to what the UI saves: settings of every kind and the create command itself', () => {
    expect(connectionSettingsSchemas.csv.safeParse({ path: '/a.csv', groupsColum: 'g' }).success).toBe(false);
    expect(connectionSettingsSchemas.ldap.safeParse({ ...ldap.settings, pageSzie: 5 }).success).toBe(false);
    expect(connectionSettingsSchemas.scim.safeParse({ ...scim.settings, token: 'x' }).success).toBe(false);
    expect(
      connectionCreateInputSchema.safeParse({ name: 'A', kind: 'scim', settings: {}, secret: {} }).success,
    ).toBe(false);
  });

  it('accepts every key the CSV connector reads (the form, the demo and job files send them)', () => {
    const full = {
      path: '/srv/hr.csv',
      encoding: 'utf16be',
      delimiter: ';',
      keyColumn: 'id',
      multiValueSeparator: '|',
      multiValuedColumns: ['phones'],
      columnTypes: { hired: 'DateTime' },
      displayNameColumn: 'name',
      givenNameColumn: 'first',
      surnameColumn: 'last',
      managerColumn: 'boss',
      statusColumn: 'status',
      disabledValues: ['Leave'],
      softDeletedValues: ['Gone'],
      groupsColumn: 'groups',
      groupsSeparator: ',',
      membershipsFile: { path: '/srv/m.csv', groupColumn: 'g', memberColumn: 'm', groupNameColumn: 'n' },
      pageSize: 100,
      maxRecordChars: 5000,
    };
    expect(connectionSettingsSchemas.csv.safeParse(full).error?.issues ?? []).toEqual([]);
  });

  it('quotes a huge unknown key short, and caps the list of problems', () => {
    const key = 'k'.repeat(100_000);
    const problems = problemsOf(jobConfigSchema, { ...job, settings: { [key]: 1 } });
    const text = describeInputProblems(problems);
    expect(text.length).toBeLessThan(2_000);
    const many = Array.from({ length: 200 }, (_, i) => ({ path: `p${i}`, message: 'm' }));
    const capped = describeInputProblems(many);
    expect(capped.split('\n')).toHaveLength(51);
    expect(capped).toContain('… and 150 more');
  });

  it('writes paths as an editor shows them', () => {
    expect(formatPath(['job', 'objectMappings', 0, 'attributeMappings', 3, 'source'])).toBe(
      'job.objectMappings[0].attributeMappings[3].source',
    );
    expect(formatPath(['columnTypes', 'hire date'])).toBe('columnTypes["hire date"]');
  });
});
