import { h } from 'vue';
import { NTag, type DataTableColumns } from 'naive-ui';
import type { SandboxAccount } from '@shared/domain/sandbox';

/** Users: userName, display name, active, email, department. */
export function userColumns(t: (key: string) => string): DataTableColumns<SandboxAccount> {
  return [
    { title: t('provisioning.sandbox.userName'), key: 'name', minWidth: 260, ellipsis: { tooltip: true } },
    {
      title: t('provisioning.sandbox.displayName'),
      key: 'displayName',
      minWidth: 180,
      ellipsis: { tooltip: true },
    },
    {
      title: t('provisioning.sandbox.active'),
      key: 'active',
      width: 110,
      render: (account) =>
        h(NTag, { size: 'small', bordered: false, type: account.active ? 'success' : 'default' }, () =>
          account.active ? t('provisioning.sandbox.activeYes') : t('provisioning.sandbox.activeNo'),
        ),
    },
    {
      title: t('provisioning.sandbox.email'),
      key: 'email',
      minWidth: 240,
      ellipsis: { tooltip: true },
      render: (account) => account.email ?? '',
    },
    {
      title: t('provisioning.sandbox.department'),
      key: 'department',
      width: 180,
      ellipsis: { tooltip: true },
      render: (account) => account.department ?? '',
    },
  ];
}

/** Groups: display name and member count. */
export function groupColumns(t: (key: string) => string): DataTableColumns<SandboxAccount> {
  return [
    { title: t('provisioning.sandbox.displayName'), key: 'displayName', minWidth: 260 },
    {
      title: t('provisioning.sandbox.members'),
      key: 'members',
      width: 140,
      align: 'right',
      render: (account) => String(account.members ?? 0),
    },
    {
      title: t('provisioning.sandbox.id'),
      key: 'id',
      minWidth: 300,
      render: (account) => h('code', { class: 'mono' }, account.id),
    },
  ];
}
