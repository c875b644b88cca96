import { h } from 'vue';
import { NTag, type DataTableColumns } from 'naive-ui';
import { actionTagType, statusTagType } from '../../../components/provisioning-tags';
import type { LogEntryRow } from '../../../stores/logs';
import { actionLabelKey } from './action-label';

export interface LogColumnsContext {
  t: (key: string) => string;
  /** Roster's one date-and-time format (components/format-time.ts). */
  time: (value: Date) => string;
}

/** The provisioning log table: time, job, action, status, identity, target id and error code. */
export function logColumns(ctx: LogColumnsContext): DataTableColumns<LogEntryRow> {
  return [
    {
      title: ctx.t('provisioning.logs.time'),
      key: 'activityDateTime',
      width: 165,
      render: (entry) => ctx.time(new Date(entry.activityDateTime)),
    },
    {
      title: ctx.t('provisioning.logs.job'),
      key: 'job',
      width: 120,
      ellipsis: { tooltip: true },
      render: (entry) => entry.jobName ?? entry.jobId,
    },
    {
      title: ctx.t('provisioning.logs.action'),
      key: 'action',
      width: 110,
      render: (entry) =>
        h(NTag, { size: 'small', bordered: false, type: actionTagType(entry.provisioningAction) }, () =>
          ctx.t(actionLabelKey(entry)),
        ),
    },
    {
      title: ctx.t('provisioning.logs.status'),
      key: 'status',
      width: 95,
      render: (entry) =>
        h(NTag, { size: 'small', bordered: false, type: statusTagType(entry.status) }, () =>
          ctx.t(`provisioning.statuses.${entry.status}`),
        ),
    },
    {
      title: ctx.t('provisioning.logs.identity'),
      key: 'identity',
      minWidth: 150,
      ellipsis: { tooltip: true },
      render: (entry) =>
        h('span', [
          h('span', { class: 'identity' }, entry.sourceIdentity.displayName || entry.sourceIdentity.id),
          h(
            'span',
            { class: 'muted' },
            ` · ${ctx.t(`provisioning.objectTypes.${entry.sourceIdentity.identityType}`)}`,
          ),
        ]),
    },
    {
      title: ctx.t('provisioning.logs.targetId'),
      key: 'targetId',
      width: 110,
      ellipsis: { tooltip: true },
      render: (entry) => h('code', { class: 'mono' }, entry.targetIdentity.id ?? '—'),
    },
    {
      title: ctx.t('provisioning.logs.errorCode'),
      key: 'errorCode',
      width: 100,
      ellipsis: { tooltip: true },
      render: (entry) => entry.errorInformation?.errorCode ?? '',
    },
  ];
}
