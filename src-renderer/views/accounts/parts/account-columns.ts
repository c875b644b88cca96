import { h } from 'vue';
import { NButton, NSpace, NTag, NTooltip, type DataTableColumns } from 'naive-ui';
import type { AccountAction, AccountClass, AccountRow } from '@shared/domain/accounts';
import { whyNot } from './account-rules';
import { accountKey } from './use-account-report';

export interface AccountColumnsContext {
  t: (key: string, named?: Record<string, unknown>) => string;
  time: (iso: string) => string;
  /** The key of the account whose action is running. */
  busyKey: () => string | null;
  onAction: (row: AccountRow, action: AccountAction) => void;
  onViewLink: (row: AccountRow) => void;
}

export const classTagTypes: Readonly<Record<AccountClass, 'success' | 'info' | 'warning' | 'error'>> = {
  linked: 'success',
  unlinkedMatch: 'info',
  outOfScopeMatch: 'warning',
  unmanaged: 'error',
};

function account(row: AccountRow, ctx: AccountColumnsContext) {
  return h('div', { class: 'stack' }, [
    h('span', { class: 'name-line' }, [h('span', { class: 'name' }, row.displayName), state(row, ctx)]),
    row.keyValue && row.keyValue !== row.displayName ? h('span', { class: 'small' }, row.keyValue) : null,
    h(
      'span',
      { class: 'mono muted', title: row.targetId },
      `${ctx.t(`accounts.objectTypes.${row.objectType}`)} · ${row.targetId}`,
    ),
  ]);
}

function state(row: AccountRow, ctx: AccountColumnsContext) {
  if (row.active === null) return null;
  return h(NTag, { size: 'small', bordered: false, type: row.active ? 'default' : 'warning' }, () =>
    ctx.t(row.active ? 'accounts.active' : 'accounts.inactive'),
  );
}

function accountClass(row: AccountRow, ctx: AccountColumnsContext) {
  const note =
    row.note === null
      ? null
      : ctx.t(`accounts.notes.${row.note}`, { name: row.source?.displayName || row.source?.anchor || '' });
  return h('div', { class: 'stack' }, [
    h(
      NTag,
      {
        size: 'small',
        bordered: false,
        type: classTagTypes[row.accountClass],
        title: ctx.t(`accounts.classHelp.${row.accountClass}`),
        'data-test': 'account-class',
      },
      () => ctx.t(`accounts.classes.${row.accountClass}`),
    ),
    note ? h('span', { class: 'small muted' }, note) : null,
    decision(row, ctx),
  ]);
}

function source(row: AccountRow, ctx: AccountColumnsContext) {
  if (!row.source) return h('span', { class: 'muted' }, '—');
  return h('div', { class: 'stack' }, [
    h('span', row.source.displayName || row.source.anchor),
    h('span', { class: 'mono muted' }, row.source.anchor),
    row.matched
      ? h(
          'span',
          { class: 'small muted' },
          ctx.t('accounts.matchedOn', { path: row.matched.path, value: row.matched.value }),
        )
      : null,
    row.scopeDetail
      ? h('span', { class: 'small warn' }, ctx.t('accounts.outOfScopeBecause', { why: row.scopeDetail }))
      : null,
  ]);
}

function decision(row: AccountRow, ctx: AccountColumnsContext) {
  if (!row.decision) return null;
  return h(
    'span',
    { class: 'small', title: ctx.time(row.decision.at), 'data-test': 'account-decision' },
    ctx.t(`accounts.decisions.${row.decision.kind}`, { by: row.decision.by }),
  );
}

/** One action button; when it does not suit the account it is disabled and says why on hover and focus. */
function actionButton(row: AccountRow, action: AccountAction, ctx: AccountColumnsContext, busy: boolean) {
  const reason = whyNot(action, row);
  const name = row.displayName;
  const button = h(
    NButton,
    {
      size: 'tiny',
      secondary: action === 'adopt',
      tertiary: action !== 'adopt',
      type: action === 'adopt' ? 'primary' : action === 'disable' ? 'warning' : 'default',
      disabled: reason !== null || busy,
      // A disabled button stays focusable through its wrapper, so the reason is reachable by keyboard.
      'aria-label': ctx.t(`accounts.actionLabels.${action}`, { name }),
      'data-test': `account-${action}-${row.targetId}`,
      onClick: () => ctx.onAction(row, action),
    },
    () => ctx.t(`accounts.actions.${action}`),
  );
  if (!reason) return button;
  return h(
    NTooltip,
    { placement: 'top' },
    {
      trigger: () =>
        h('span', { tabindex: 0, class: 'why-not', 'aria-label': ctx.t(`accounts.cannot.${reason}`) }, [
          button,
        ]),
      default: () => ctx.t(`accounts.cannot.${reason}`),
    },
  );
}

function actions(row: AccountRow, ctx: AccountColumnsContext) {
  const busy = ctx.busyKey() === accountKey(row);
  if (row.accountClass === 'linked')
    return h(
      NButton,
      {
        size: 'tiny',
        tertiary: true,
        'aria-label': ctx.t('accounts.actionLabels.viewLink', { name: row.displayName }),
        'data-test': `account-view-link-${row.targetId}`,
        onClick: () => ctx.onViewLink(row),
      },
      () => ctx.t('accounts.actions.viewLink'),
    );
  return h(NSpace, { size: 4, wrap: true }, () =>
    (['adopt', 'disable', 'leave'] as const).map((action) => actionButton(row, action, ctx, busy)),
  );
}

/**
 * The report's table, five columns that fit 1024 px wide beside the sidebar: the account with its
 * state, its class with the note and the admin's decision, the source object, and the actions.
 * Long ids wrap inside their cell.
 */
export const accountTableWidth = 700;

export function accountColumns(ctx: AccountColumnsContext): DataTableColumns<AccountRow> {
  return [
    { type: 'selection', width: 36, disabled: (row) => row.accountClass === 'linked' },
    {
      title: ctx.t('accounts.columns.account'),
      key: 'account',
      minWidth: 170,
      render: (row) => account(row, ctx),
    },
    {
      title: ctx.t('accounts.columns.class'),
      key: 'class',
      width: 160,
      render: (row) => accountClass(row, ctx),
    },
    {
      title: ctx.t('accounts.columns.source'),
      key: 'source',
      minWidth: 150,
      render: (row) => source(row, ctx),
    },
    {
      title: ctx.t('accounts.columns.actions'),
      key: 'actions',
      width: 180,
      render: (row) => actions(row, ctx),
    },
  ];
}
