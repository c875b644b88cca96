import {
  csvColumnTypes,
  csvDelimiters,
  csvEncodings,
  defaultDisabledValues,
  defaultSoftDeletedValues,
  type ConnectionKind,
} from '@shared/domain/connections';

/**
 * How each setting is edited:
 * - text, number, switch, select, textarea: plain controls;
 * - dn: a DN with the directory browser beside it;
 * - column / columns: one or several columns of the CSV file, chosen from its real header;
 * - values: a list of words (status values), suggested from the file's cells;
 * - columnTypes: column → type pairs; membershipsFile: the second file's own small form;
 * - attribute: an LDAP attribute, chosen from the server's list when it can be read.
 */
export type FieldControl =
  | 'text'
  | 'number'
  | 'switch'
  | 'select'
  | 'textarea'
  | 'dn'
  | 'column'
  | 'columns'
  | 'values'
  | 'columnTypes'
  | 'membershipsFile'
  | 'filterableAttributes'
  | 'attribute';

export interface FieldSpec {
  key: string;
  control: FieldControl;
  /** Select options: the stored value and the key of its label under connectionForm.options. */
  options?: readonly { value: string; label: string }[];
  /**
   * Select: the label key (connectionForm.options) of a first option that stores nothing, for a
   * setting whose absence means something of its own (updateMethod: as the server declares).
   */
  unsetOption?: string;
  required?: boolean;
  /** Shown only when the rest of the settings make it relevant. */
  visible?: (settings: Record<string, unknown>) => boolean;
  monospace?: boolean;
  /** values: the column whose cells are offered as suggestions; and what applies when none is set. */
  valuesOf?: string;
  defaults?: readonly string[];
  /** number: bounds the schema enforces. */
  min?: number;
  max?: number;
}

export interface FieldSection {
  key: string;
  fields: FieldSpec[];
  /** Secret fields of the kind are shown at the end of this section. */
  secrets?: boolean;
  /** CSV: the file preview is shown at the end of this section. */
  preview?: boolean;
}

const encodingLabels: Record<(typeof csvEncodings)[number], string> = {
  auto: 'auto',
  utf8: 'utf8',
  utf16le: 'utf16le',
  utf16be: 'utf16be',
  cp949: 'cp949',
  windows1252: 'windows1252',
};
const delimiterLabels: Record<(typeof csvDelimiters)[number], string> = {
  auto: 'auto',
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
};
export const encodingOptions = csvEncodings.map((value) => ({ value, label: encodingLabels[value] }));
export const delimiterOptions = csvDelimiters.map((value) => ({ value, label: delimiterLabels[value] }));
export const columnTypeOptions = csvColumnTypes.map((value) => ({ value, label: value }));

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
const has = (key: string) => (s: Record<string, unknown>) => textOf(s[key]).trim() !== '';

/** The CSV columns a role can be given, in the order the preview marks them. */
export const csvRoleKeys = [
  'keyColumn',
  'displayNameColumn',
  'givenNameColumn',
  'surnameColumn',
  'managerColumn',
  'statusColumn',
  'groupsColumn',
] as const;

/** The settings form of each connection kind: every option the connector reads, in sections. */
export const sectionsByKind: Record<ConnectionKind, FieldSection[]> = {
  csv: [
    {
      key: 'file',
      preview: true,
      fields: [
        { key: 'path', control: 'text', required: true, monospace: true },
        { key: 'encoding', control: 'select', options: encodingOptions },
        { key: 'delimiter', control: 'select', options: delimiterOptions },
      ],
    },
    {
      key: 'columns',
      fields: [
        { key: 'keyColumn', control: 'column' },
        { key: 'displayNameColumn', control: 'column' },
        { key: 'givenNameColumn', control: 'column' },
        { key: 'surnameColumn', control: 'column' },
        { key: 'managerColumn', control: 'column' },
      ],
    },
    {
      key: 'status',
      fields: [
        { key: 'statusColumn', control: 'column' },
        {
          key: 'disabledValues',
          control: 'values',
          valuesOf: 'statusColumn',
          defaults: defaultDisabledValues,
          visible: has('statusColumn'),
        },
        {
          key: 'softDeletedValues',
          control: 'values',
          valuesOf: 'statusColumn',
          defaults: defaultSoftDeletedValues,
          visible: has('statusColumn'),
        },
      ],
    },
    {
      key: 'groups',
      fields: [
        { key: 'groupsColumn', control: 'column' },
        { key: 'groupsSeparator', control: 'text', monospace: true, visible: has('groupsColumn') },
        { key: 'membershipsFile', control: 'membershipsFile' },
      ],
    },
    {
      key: 'values',
      fields: [
        { key: 'multiValuedColumns', control: 'columns' },
        {
          key: 'multiValueSeparator',
          control: 'text',
          monospace: true,
          visible: (s) => Array.isArray(s['multiValuedColumns']) && s['multiValuedColumns'].length > 0,
        },
        { key: 'columnTypes', control: 'columnTypes' },
      ],
    },
    {
      key: 'advanced',
      fields: [
        { key: 'pageSize', control: 'number', min: 1, max: 10_000 },
        { key: 'maxRecordChars', control: 'number', min: 1_000, max: 100_000_000 },
      ],
    },
  ],
  ldap: [
    {
      key: 'server',
      fields: [
        { key: 'url', control: 'text', required: true, monospace: true },
        {
          key: 'startTls',
          control: 'switch',
          visible: (s) => !textOf(s['url']).toLowerCase().startsWith('ldaps:'),
        },
        { key: 'timeoutSeconds', control: 'number', min: 1, max: 600 },
        { key: 'caCertificate', control: 'textarea', monospace: true },
      ],
    },
    {
      key: 'bind',
      secrets: true,
      fields: [{ key: 'bindDn', control: 'text', required: true, monospace: true }],
    },
    {
      key: 'search',
      fields: [
        { key: 'baseDn', control: 'dn', required: true, monospace: true },
        { key: 'userSearchBase', control: 'dn', monospace: true },
        { key: 'userFilter', control: 'text', monospace: true },
        { key: 'groupSearchBase', control: 'dn', monospace: true },
        { key: 'groupFilter', control: 'text', monospace: true },
        { key: 'pageSize', control: 'number', min: 1, max: 10_000 },
      ],
    },
    {
      key: 'objects',
      fields: [
        { key: 'anchorAttribute', control: 'attribute', monospace: true },
        { key: 'userObjectClass', control: 'text', monospace: true },
        { key: 'groupObjectClass', control: 'text', monospace: true },
        { key: 'fullReadEveryCycles', control: 'number', min: 1, max: 10_000 },
      ],
    },
    {
      key: 'targetOnly',
      fields: [
        { key: 'targetContainer', control: 'dn', monospace: true },
        { key: 'groupContainer', control: 'dn', monospace: true },
        { key: 'rdnAttribute', control: 'attribute', monospace: true },
        { key: 'disableAttribute', control: 'attribute', monospace: true },
        { key: 'disableValue', control: 'text', monospace: true, visible: has('disableAttribute') },
        { key: 'enableValue', control: 'text', monospace: true, visible: has('disableAttribute') },
      ],
    },
  ],
  scim: [
    {
      key: 'endpoint',
      fields: [
        { key: 'baseUrl', control: 'text', required: true, monospace: true },
        {
          key: 'requestShape',
          control: 'select',
          options: [
            { value: 'scim2', label: 'scim2' },
            { value: 'entra-2020', label: 'entra2020' },
            { value: 'entra-legacy', label: 'entraLegacy' },
            { value: 'salesforce', label: 'salesforceDialect' },
          ],
        },
        { key: 'timeoutSeconds', control: 'number', min: 1, max: 600 },
        { key: 'caCertificate', control: 'textarea', monospace: true },
      ],
    },
    {
      // What the app cannot do that SCIM allows a server to leave out; an app profile pre-fills these.
      key: 'appLimits',
      fields: [
        {
          key: 'updateMethod',
          control: 'select',
          unsetOption: 'serverDeclares',
          options: [
            { value: 'patch', label: 'patch' },
            { value: 'put', label: 'put' },
          ],
        },
        { key: 'filterableAttributes', control: 'filterableAttributes' },
        { key: 'groupReadsIncludeMembers', control: 'switch' },
        {
          key: 'userDisable',
          control: 'select',
          options: [
            { value: 'activeFalse', label: 'activeFalse' },
            { value: 'notSupported', label: 'notSupported' },
          ],
        },
        { key: 'app', control: 'text', monospace: true },
      ],
    },
    {
      key: 'auth',
      secrets: true,
      fields: [
        {
          key: 'authType',
          control: 'select',
          options: [
            { value: 'bearer', label: 'bearer' },
            { value: 'oauth2', label: 'oauth2' },
            { value: 'basic', label: 'basic' },
            { value: 'none', label: 'none' },
          ],
        },
        { key: 'username', control: 'text', required: true, visible: (s) => s['authType'] === 'basic' },
        {
          key: 'tokenUrl',
          control: 'text',
          required: true,
          visible: (s) => s['authType'] === 'oauth2',
          monospace: true,
        },
        { key: 'clientId', control: 'text', required: true, visible: (s) => s['authType'] === 'oauth2' },
        { key: 'scope', control: 'text', visible: (s) => s['authType'] === 'oauth2' },
      ],
    },
  ],
};

/** Every setting key the form edits for a kind (the tests check it covers the schema). */
export function formKeysOf(kind: ConnectionKind): string[] {
  return sectionsByKind[kind].flatMap((section) => section.fields.map((field) => field.key));
}

/** Starting values for a new connection of a kind (the same defaults the schema applies). */
export const defaultSettingsByKind: Record<ConnectionKind, Record<string, unknown>> = {
  csv: { path: '', encoding: 'auto', delimiter: 'auto', multiValueSeparator: ';' },
  ldap: { url: 'ldaps://', startTls: false, bindDn: '', baseDn: '', pageSize: 500, timeoutSeconds: 30 },
  scim: {
    baseUrl: 'https://',
    authType: 'bearer',
    requestShape: 'scim2',
    timeoutSeconds: 60,
    groupReadsIncludeMembers: true,
    userDisable: 'activeFalse',
  },
};

/** One line that says where a connection points, for the list. */
export function connectionLocation(kind: ConnectionKind, settings: Record<string, unknown>): string {
  const key = kind === 'csv' ? 'path' : kind === 'ldap' ? 'url' : 'baseUrl';
  return textOf(settings[key]);
}
