import type { ConnectionKind } from '@shared/domain/connections';

export type FieldControl = 'text' | 'number' | 'switch' | 'select' | 'textarea';

/** Fields whose value is a DN: the form offers the directory browser beside them. */
export const dnFields = new Set([
  'baseDn',
  'userSearchBase',
  'groupSearchBase',
  'targetContainer',
  'groupContainer',
]);

export interface FieldSpec {
  key: string;
  control: FieldControl;
  /** Select options: the stored value and the key of its label under connections.options. */
  options?: { value: string; label: string }[];
  required?: boolean;
  /** Key of a help text under connections.help. */
  help?: string;
  /** Shown only when the rest of the settings make it relevant. */
  visible?: (settings: Record<string, unknown>) => boolean;
  monospace?: boolean;
}

/** The settings form of each connection kind, in the order an admin fills it in. */
export const fieldsByKind: Record<ConnectionKind, FieldSpec[]> = {
  csv: [
    { key: 'path', control: 'text', required: true, monospace: true },
    { key: 'keyColumn', control: 'text', help: 'keyColumn' },
    {
      key: 'encoding',
      control: 'select',
      options: [
        { value: 'auto', label: 'auto' },
        { value: 'utf8', label: 'utf8' },
        { value: 'utf16le', label: 'utf16le' },
        { value: 'cp949', label: 'cp949' },
        { value: 'windows1252', label: 'windows1252' },
      ],
    },
    {
      key: 'delimiter',
      control: 'select',
      options: [
        { value: 'auto', label: 'auto' },
        { value: ',', label: 'comma' },
        { value: ';', label: 'semicolon' },
        { value: '\t', label: 'tab' },
      ],
    },
    { key: 'multiValueSeparator', control: 'text' },
  ],
  ldap: [
    { key: 'url', control: 'text', required: true, monospace: true },
    {
      key: 'startTls',
      control: 'switch',
      visible: (s) => !textOf(s['url']).toLowerCase().startsWith('ldaps:'),
    },
    { key: 'bindDn', control: 'text', required: true, monospace: true },
    { key: 'baseDn', control: 'text', required: true, monospace: true },
    { key: 'userSearchBase', control: 'text', monospace: true },
    { key: 'userFilter', control: 'text', monospace: true },
    { key: 'groupSearchBase', control: 'text', monospace: true },
    { key: 'groupFilter', control: 'text', monospace: true },
    { key: 'pageSize', control: 'number' },
    { key: 'timeoutSeconds', control: 'number' },
    { key: 'caCertificate', control: 'textarea', help: 'caCertificate', monospace: true },
    { key: 'targetContainer', control: 'text', help: 'targetContainer', monospace: true },
    { key: 'groupContainer', control: 'text', monospace: true },
    { key: 'rdnAttribute', control: 'text', help: 'rdnAttribute', monospace: true },
    { key: 'disableAttribute', control: 'text', help: 'disableAttribute', monospace: true },
    {
      key: 'disableValue',
      control: 'text',
      monospace: true,
      visible: (s) => textOf(s['disableAttribute']) !== '',
    },
    { key: 'fullReadEveryCycles', control: 'number', help: 'fullReadEveryCycles' },
  ],
  scim: [
    { key: 'baseUrl', control: 'text', required: true, help: 'baseUrl', monospace: true },
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
    {
      key: 'requestShape',
      control: 'select',
      options: [
        { value: 'scim2', label: 'scim2' },
        { value: 'entra-2020', label: 'entra2020' },
        { value: 'entra-legacy', label: 'entraLegacy' },
      ],
    },
    { key: 'timeoutSeconds', control: 'number' },
    { key: 'caCertificate', control: 'textarea', help: 'caCertificate', monospace: true },
  ],
};

/** Starting values for a new connection of a kind (the same defaults the schema applies). */
export const defaultSettingsByKind: Record<ConnectionKind, Record<string, unknown>> = {
  csv: { path: '', keyColumn: '', encoding: 'auto', delimiter: 'auto', multiValueSeparator: ';' },
  ldap: { url: 'ldaps://', startTls: false, bindDn: '', baseDn: '', pageSize: 500, timeoutSeconds: 30 },
  scim: { baseUrl: 'https://', authType: 'bearer', requestShape: 'scim2', timeoutSeconds: 60 },
};

/** One line that says where a connection points, for the list. */
export function connectionLocation(kind: ConnectionKind, settings: Record<string, unknown>): string {
  const key = kind === 'csv' ? 'path' : kind === 'ldap' ? 'url' : 'baseUrl';
  return textOf(settings[key]);
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
