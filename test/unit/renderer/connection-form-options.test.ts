// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { NDialogProvider, NMessageProvider, NNotificationProvider } from 'naive-ui';
import { defineComponent, h } from 'vue';
import {
  csvSettingsObject,
  ldapSettingsSchema,
  scimSettingsSchema,
  type ConnectionKind,
  type ConnectionView,
} from '@shared/domain/connections';
import type { CsvPreviewResult } from '@shared/domain/csv-preview';
import type { Result } from '@shared/domain/result';
import ConnectionForm from '../../../src-renderer/views/connections/parts/connection-form.vue';
import { formKeysOf } from '../../../src-renderer/views/connections/parts/kind-fields';
import { createRosterI18n } from '../../../src-renderer/locales';
import { useTransport } from '../../../src-renderer/api';
import type { Transport } from '../../../src-renderer/api/transport';

const hrPreview: CsvPreviewResult = {
  columns: ['employeeId', 'displayName', 'givenName', 'surname', 'manager', 'status', 'groups', 'phones'],
  columnCount: 8,
  rows: [
    ['E1', 'Ann Lee', 'Ann', 'Lee', '', 'Active', 'Sales;All', '1;2'],
    ['E2', 'Bo Kim', 'Bo', 'Kim', 'E1', 'Terminated', 'All', ''],
    ['E3', 'Cy Park', 'Cy', 'Park', 'E1', 'On leave', 'All', ''],
  ],
  encoding: 'utf8',
  encodingLabel: 'UTF-8 with BOM',
  hasBom: true,
  encodingDetected: true,
  delimiter: ',',
  delimiterDetected: true,
  sizeBytes: 2048,
  problem: null,
};

function recordingTransport(answers: Record<string, (input: unknown) => Result<unknown>>) {
  const calls: { command: string; input: unknown }[] = [];
  const transport: Transport = {
    kind: 'browser',
    invoke: async (command, input) => {
      calls.push({ command, input });
      const answer = answers[command];
      return answer ? answer(input) : { ok: false, error: { code: 'unknownCommand', message: command } };
    },
    subscribe: () => () => {},
  };
  return { transport, calls };
}

function view(kind: ConnectionKind, settings: Record<string, unknown>): ConnectionView {
  return {
    id: 'c1',
    name: 'Conn',
    kind,
    settings,
    secrets: kind === 'ldap' ? { bindPassword: 'set' } : kind === 'scim' ? { clientSecret: 'set' } : {},
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

function mountForm(
  props: { connection: ConnectionView | null; kind?: ConnectionKind; kinds?: ConnectionKind[] },
  language: 'en' | 'ko' = 'en',
) {
  const host = defineComponent({
    setup: () => () =>
      h(NDialogProvider, () =>
        h(NNotificationProvider, () => h(NMessageProvider, () => h(ConnectionForm, props))),
      ),
  });
  return mount(host, { global: { plugins: [createRosterI18n(language)] }, attachTo: document.body });
}

/** Opens a naive-ui select inside `selector` and returns the labels it offers. */
async function openOptions(root: Element, selector: string): Promise<string[]> {
  const trigger = root.querySelector(`${selector} .n-base-selection`);
  if (!trigger) throw new Error(`no select in ${selector}`);
  trigger.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  await flushPromises();
  return openMenuOptions().map((o) => o.textContent?.trim() ?? '');
}

/** Menus stay in the document once opened (hidden); the open one is the one shown. */
function openMenuOptions(): Element[] {
  const menus = [...document.querySelectorAll<HTMLElement>('.n-base-select-menu')].filter(
    (menu) => menu.style.display !== 'none',
  );
  return [...(menus.at(-1)?.querySelectorAll('.n-base-select-option') ?? [])];
}

async function pickOption(label: string): Promise<void> {
  const option = openMenuOptions().find((o) => o.textContent?.trim() === label);
  if (!option) throw new Error(`no option ${label}`);
  option.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  await flushPromises();
}

const everyCsvOption = {
  path: '/srv/hr/employees.csv',
  encoding: 'utf16be',
  delimiter: ';',
  keyColumn: 'employeeId',
  multiValueSeparator: '|',
  multiValuedColumns: ['phones'],
  columnTypes: { manager: 'String', phones: 'Integer' },
  displayNameColumn: 'displayName',
  givenNameColumn: 'givenName',
  surnameColumn: 'surname',
  managerColumn: 'manager',
  statusColumn: 'status',
  disabledValues: ['On leave'],
  softDeletedValues: ['Terminated', 'Retired'],
  groupsColumn: 'groups',
  groupsSeparator: ';',
  membershipsFile: {
    path: '/srv/hr/memberships.csv',
    encoding: 'cp949',
    delimiter: '\t',
    groupColumn: 'team',
    memberColumn: 'person',
    groupNameColumn: 'teamName',
  },
  pageSize: 250,
  maxRecordChars: 50_000,
};
const everyLdapOption = {
  url: 'ldap://dc1.example.com:389',
  startTls: true,
  bindDn: 'CN=roster,DC=example,DC=com',
  baseDn: 'DC=example,DC=com',
  userSearchBase: 'OU=Staff,DC=example,DC=com',
  groupSearchBase: 'OU=Groups,DC=example,DC=com',
  userFilter: '(objectClass=user)',
  groupFilter: '(objectClass=group)',
  pageSize: 200,
  timeoutSeconds: 45,
  caCertificate: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
  anchorAttribute: 'entryUUID',
  userObjectClass: 'inetOrgPerson',
  groupObjectClass: 'groupOfNames',
  targetContainer: 'OU=New,DC=example,DC=com',
  groupContainer: 'OU=NewGroups,DC=example,DC=com',
  rdnAttribute: 'uid',
  disableAttribute: 'pwdAccountLockedTime',
  disableValue: '000001010000Z',
  enableValue: '0',
  fullReadEveryCycles: 12,
};
const everyScimOption = {
  baseUrl: 'https://api.example.com/scim/v2',
  authType: 'oauth2',
  tokenUrl: 'https://login.example.com/token',
  clientId: 'roster',
  scope: 'scim.write',
  requestShape: 'entra-2020',
  timeoutSeconds: 90,
  updateMethod: 'put',
  filterableAttributes: { users: ['userName', 'emails.value'] },
  groupReadsIncludeMembers: true,
  userDisable: 'notSupported',
  app: 'put-only-app',
  caCertificate: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
};

describe('the connection form covers every option', { timeout: 30_000 }, () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => (document.body.innerHTML = ''));

  it('has a control for every setting each connector reads', () => {
    expect(formKeysOf('csv').sort()).toEqual(Object.keys(csvSettingsObject.shape).sort());
    expect(formKeysOf('ldap').sort()).toEqual(Object.keys(ldapSettingsSchema.shape).sort());
    // `username` is for Basic only, `tokenUrl`/`clientId`/`scope` for OAuth 2: all are in the form.
    expect(formKeysOf('scim').sort()).toEqual(Object.keys(scimSettingsSchema.shape).sort());
  });

  it.each([
    ['csv', everyCsvOption],
    ['ldap', everyLdapOption],
    ['scim', everyScimOption],
  ] as const)('round-trips every %s option unchanged through the form', async (kind, settings) => {
    const { transport, calls } = recordingTransport({
      'connections.csvPreview': () => ({ ok: true, value: hrPreview }),
      'sources.schema': () => ({ ok: false, error: { code: 'internal', message: 'unreachable' } }),
      'connections.update': (input) => ({
        ok: true,
        value: { ...view(kind, settings), ...(input as object) },
      }),
      'connections.list': () => ({ ok: true, value: [] }),
    });
    useTransport(transport);
    const wrapper = mountForm({ connection: view(kind, settings) });
    await flushPromises();
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const update = calls.find((c) => c.command === 'connections.update');
    expect(update?.input).toEqual({ id: 'c1', name: 'Conn', settings, secrets: {} });
    wrapper.unmount();
  });

  it('shows the demo connection’s roles in its own form', async () => {
    const { transport } = recordingTransport({
      'connections.csvPreview': () => ({ ok: true, value: hrPreview }),
    });
    useTransport(transport);
    const wrapper = mountForm({ connection: view('csv', everyCsvOption) });
    await flushPromises();
    const selected = (key: string) =>
      wrapper.find(`[data-test="column-${key}"] .n-base-selection-label`).text() ||
      wrapper.find(`[data-test="column-${key}"] .n-base-selection-input__content`).text();
    expect(selected('statusColumn')).toBe('status');
    expect(selected('managerColumn')).toBe('manager');
    expect(selected('groupsColumn')).toBe('groups');
    expect(wrapper.find('[data-test="values-softDeletedValues"]').text()).toContain('Retired');
    // The preview's header marks the columns with the role they play.
    expect(wrapper.find('[data-test="csv-preview-table"]').text()).toContain('status');
    wrapper.unmount();
  });
});

describe('CSV column pickers', { timeout: 30_000 }, () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => (document.body.innerHTML = ''));

  it('offer the columns of the file’s preview, and the chosen roles are saved', async () => {
    const created = view('csv', {});
    const { transport, calls } = recordingTransport({
      'connections.csvPreview': () => ({ ok: true, value: hrPreview }),
      'connections.create': () => ({ ok: true, value: created }),
      'connections.list': () => ({ ok: true, value: [created] }),
    });
    useTransport(transport);
    const wrapper = mountForm({ connection: null, kind: 'csv', kinds: ['csv', 'ldap'] });
    await wrapper.find('input[name="connection-name"]').setValue('HR');
    await wrapper.find('input[name="field-path"]').setValue('/srv/hr/employees.csv');
    await wrapper.find('[data-test="csv-preview-read"]').trigger('click');
    await flushPromises();
    expect(calls.find((c) => c.command === 'connections.csvPreview')?.input).toEqual({
      path: '/srv/hr/employees.csv',
      encoding: 'auto',
      delimiter: 'auto',
      limit: 5,
    });
    expect(wrapper.find('[data-test="csv-preview-detected"]').text()).toContain('UTF-8 with BOM');

    const root: Element = wrapper.element as Element;
    expect(await openOptions(root, '[data-test="column-keyColumn"]')).toEqual(hrPreview.columns);
    await pickOption('employeeId');
    await openOptions(root, '[data-test="column-statusColumn"]');
    await pickOption('status');
    // The status values are offered from the status column's real cells.
    const statusValues = await openOptions(root, '[data-test="values-softDeletedValues"]');
    expect(statusValues).toEqual(expect.arrayContaining(['Terminated', 'Deleted', 'Active', 'On leave']));
    await pickOption('On leave');

    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const create = calls.find((c) => c.command === 'connections.create')?.input as {
      settings: Record<string, unknown>;
    };
    expect(create.settings).toEqual({
      path: '/srv/hr/employees.csv',
      encoding: 'auto',
      delimiter: 'auto',
      multiValueSeparator: ';',
      keyColumn: 'employeeId',
      statusColumn: 'status',
      softDeletedValues: ['Terminated', 'Deleted', 'On leave'],
    });
    wrapper.unmount();
  });

  it('points out a column the file lacks, with the closest one', async () => {
    const { transport } = recordingTransport({
      'connections.csvPreview': () => ({ ok: true, value: hrPreview }),
    });
    useTransport(transport);
    const wrapper = mountForm({ connection: view('csv', { path: '/srv/hr.csv', managerColumn: 'manger' }) });
    await flushPromises();
    const warning = wrapper.find('[data-test="column-missing-managerColumn"]');
    expect(warning.text()).toContain('The file has no column “manger”.');
    expect(warning.text()).toContain('Did you mean “manager”?');
    wrapper.unmount();
  });

  it('shows why a file cannot be read beside the path, in Korean too', async () => {
    const { transport } = recordingTransport({
      'connections.csvPreview': () => ({
        ok: true,
        value: {
          ...hrPreview,
          columns: [],
          columnCount: 0,
          rows: [],
          problem: {
            code: 'CsvRecordTooLarge',
            message: 'hr.csv:1 starts a row longer than 1,000,000 characters.',
            location: 'hr.csv:1',
          },
        },
      }),
    });
    useTransport(transport);
    const wrapper = mountForm({ connection: view('csv', { path: '/srv/hr.csv' }) }, 'ko');
    await flushPromises();
    const problem = wrapper.find('[data-test="csv-preview-problem"]');
    expect(problem.text()).toContain('hr.csv:1의 행이 1,000,000자를 넘습니다');
    expect(problem.text()).toContain('CsvRecordTooLarge');
    wrapper.unmount();
  });

  it('keeps a refused save on the page, above the buttons', async () => {
    const { transport } = recordingTransport({
      'connections.csvPreview': () => ({ ok: true, value: hrPreview }),
      'connections.update': () => ({
        ok: false,
        error: { code: 'vaultUnavailable', message: 'The keychain is locked. Unlock it and save again.' },
      }),
    });
    useTransport(transport);
    const wrapper = mountForm({ connection: view('csv', { path: '/srv/hr.csv' }) });
    await flushPromises();
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const alert = wrapper.find('[data-test="connection-save-problem"]');
    expect(alert.text()).toContain('The system keychain cannot be used.');
    expect(alert.text()).toContain('The keychain is locked. Unlock it and save again.');
    wrapper.unmount();
  });
});
