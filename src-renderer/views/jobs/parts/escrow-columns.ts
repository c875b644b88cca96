import { h } from 'vue';
import { NButton, NSpace, NTag, type DataTableColumns } from 'naive-ui';
import type { EscrowErrorClass, EscrowView } from '@shared/domain/escrow';
import { escrowKey, type EscrowAction } from './use-escrow-list';

export interface EscrowColumnsContext {
  t: (key: string, named?: Record<string, unknown>) => string;
  /** An entry's error in the admin's language: from its log code when it has one, else its English. */
  errorText: (entry: EscrowView) => string;
  /** Compact date and time for the table (an entry lives at most 28 days: no year). */
  time: (iso: string) => string;
  /** The full date and time, on hover. */
  longTime: (iso: string) => string;
  /** The key of the entry whose action is running. */
  busyKey: () => string | null;
  onAction: (entry: EscrowView, action: EscrowAction) => void;
}

const classTags: Readonly<Record<EscrowErrorClass, 'info' | 'error' | 'warning'>> = {
  transient: 'info',
  permanent: 'error',
  credential: 'warning',
};

function nameOf(entry: EscrowView): string {
  return entry.displayName || entry.anchor;
}

function nextRetry(entry: EscrowView, ctx: EscrowColumnsContext) {
  const next = entry.nextRetry;
  const words =
    next.kind === 'at'
      ? ctx.time(next.at)
      : next.kind === 'never'
        ? ctx.t('escrow.next.never')
        : ctx.t('escrow.next.nextCycle');
  const at = next.kind === 'at' ? next.at : '';
  const attrs = { title: at ? ctx.longTime(at) : undefined, 'data-at': at, 'data-test': 'escrow-next-retry' };
  return h('div', { class: ['next', next.kind === 'never' && 'muted'], ...attrs }, [
    h('span', words),
    entry.retryNow
      ? h(NTag, { size: 'tiny', bordered: false, type: 'info', class: 'requested' }, () =>
          ctx.t('escrow.next.requested'),
        )
      : null,
  ]);
}

function actions(entry: EscrowView, ctx: EscrowColumnsContext) {
  const name = nameOf(entry);
  const busy = ctx.busyKey() === escrowKey(entry);
  return h(NSpace, { size: 4, vertical: true }, () => [
    h(
      NButton,
      {
        size: 'small',
        secondary: true,
        type: 'primary',
        // Already asked for: a second press would change nothing.
        disabled: entry.retryNow || busy,
        'aria-label': ctx.t('escrow.retryLabel', { name }),
        'data-test': `escrow-retry-${entry.anchor}`,
        onClick: () => ctx.onAction(entry, 'retryNow'),
      },
      () => ctx.t('escrow.retry'),
    ),
    h(
      NButton,
      {
        size: 'small',
        tertiary: true,
        type: 'error',
        disabled: busy,
        'aria-label': ctx.t('escrow.dropLabel', { name }),
        'data-test': `escrow-drop-${entry.anchor}`,
        onClick: () => ctx.onAction(entry, 'drop'),
      },
      () => ctx.t('escrow.drop'),
    ),
  ]);
}

/**
 * The "Waiting for retry" table (§9.2): which object, which part of it failed and how, how often and
 * since when, when Roster tries again, and the two things an admin can do about one entry.
 */
export function escrowColumns(ctx: EscrowColumnsContext): DataTableColumns<EscrowView> {
  return [
    {
      title: ctx.t('escrow.columns.object'),
      key: 'object',
      minWidth: 150,
      render: (entry) =>
        h('div', { class: 'object' }, [
          h('div', { class: 'name' }, nameOf(entry)),
          h('div', { class: 'muted' }, [
            h('code', { class: 'mono' }, entry.anchor),
            ` · ${ctx.t(`provisioning.objectTypes.${entry.objectType}`)}`,
          ]),
        ]),
    },
    {
      title: ctx.t('escrow.columns.failure'),
      key: 'failure',
      width: 130,
      render: (entry) => {
        const part = entry.isReference ? 'reference' : 'own';
        return h('div', { class: 'stack' }, [
          h(NTag, { size: 'small', bordered: false, type: classTags[entry.errorClass] }, () =>
            ctx.t(`escrow.errorClasses.${entry.errorClass}`),
          ),
          h(
            'span',
            { class: 'muted', title: ctx.t(`escrow.failure.${part}Help`) },
            ctx.t(`escrow.failure.${part}`),
          ),
        ]);
      },
    },
    {
      title: ctx.t('escrow.columns.error'),
      key: 'error',
      minWidth: 210,
      render: (entry) =>
        h('div', { class: 'error', title: ctx.errorText(entry) }, [
          h('code', { class: 'mono code' }, entry.errorCode),
          h('div', { class: 'message', 'data-test': 'escrow-error-message' }, ctx.errorText(entry)),
        ]),
    },
    {
      title: ctx.t('escrow.columns.attempts'),
      key: 'attempts',
      width: 84,
      align: 'right',
      render: (entry) => h('span', { 'data-test': 'escrow-attempts' }, String(entry.attempts)),
    },
    {
      title: ctx.t('escrow.columns.failures'),
      key: 'failures',
      width: 160,
      render: (entry) =>
        h('div', { class: 'stack small' }, [
          h(
            'span',
            { title: ctx.longTime(entry.firstFailure) },
            ctx.t('escrow.first', { when: ctx.time(entry.firstFailure) }),
          ),
          h(
            'span',
            { title: ctx.longTime(entry.lastAttempt) },
            ctx.t('escrow.last', { when: ctx.time(entry.lastAttempt) }),
          ),
        ]),
    },
    {
      title: ctx.t('escrow.columns.nextRetry'),
      key: 'nextRetry',
      width: 160,
      render: (entry) => nextRetry(entry, ctx),
    },
    {
      title: ctx.t('escrow.columns.actions'),
      key: 'actions',
      width: 170,
      fixed: 'right',
      render: (entry) => actions(entry, ctx),
    },
  ];
}
