import { h } from 'vue';
import { NTag, type DataTableColumns } from 'naive-ui';
import type { PlanItem } from '@shared/domain/provisioning';
import { actionTagType, situationTagType } from './provisioning-tags';

/**
 * The columns of a dry run's plan (object, situation, action, changes), shared by the job page's
 * plan and the wizard's review so both say the same thing the same way: a `link` line reads "Link
 * only", a note is translated from its English (useLogText), and a value that is only being set (a
 * create) shows no "empty →" before it.
 */
export interface PlanColumnsContext {
  t: (key: string) => string;
  /** The plan line's note in the admin's language (useLogText over the stored English). */
  noteText: (note: string) => string;
  /** What a line without attribute changes and without a note says. */
  noChanges: string;
  widths: { object: number; situation: number; action: number; changesMin: number };
}

/** The label of a plan action; `link` has no log action of its own. */
export function planActionLabel(t: (key: string) => string, action: PlanItem['action']): string {
  return action === 'link' ? t('ux.planLink') : t(`provisioning.actions.${action}`);
}

function changesCell(ctx: PlanColumnsContext, item: PlanItem) {
  if (item.changes.length === 0)
    return h('span', { class: 'muted' }, item.note === null ? ctx.noChanges : ctx.noteText(item.note));
  return h(
    'ul',
    { class: 'changes' },
    item.changes.map((change) =>
      h('li', { key: change.displayName }, [
        h('code', change.displayName),
        ': ',
        change.oldValue === null ? null : h('span', { class: 'old' }, change.oldValue),
        change.oldValue === null ? null : ' → ',
        h('span', { class: 'new' }, change.newValue ?? ctx.t('provisioning.plan.empty')),
      ]),
    ),
  );
}

export function planColumns(ctx: PlanColumnsContext): DataTableColumns<PlanItem> {
  const { t, widths } = ctx;
  return [
    {
      title: t('provisioning.plan.object'),
      key: 'object',
      width: widths.object,
      ellipsis: { tooltip: true },
      render: (item) =>
        h('div', [
          h('div', { class: 'name' }, item.displayName || item.anchor),
          h(
            'div',
            { class: 'muted' },
            `${t(`provisioning.objectTypes.${item.objectType}`)} · ${item.anchor}`,
          ),
        ]),
    },
    {
      title: t('provisioning.plan.situation'),
      key: 'situation',
      width: widths.situation,
      render: (item) =>
        h(NTag, { size: 'small', bordered: false, type: situationTagType(item.situation) }, () =>
          t(`provisioning.situations.${item.situation}`),
        ),
    },
    {
      title: t('provisioning.plan.action'),
      key: 'action',
      width: widths.action,
      render: (item) =>
        h(NTag, { size: 'small', bordered: false, type: actionTagType(item.action) }, () =>
          planActionLabel(t, item.action),
        ),
    },
    {
      title: t('provisioning.plan.changes'),
      key: 'changes',
      minWidth: widths.changesMin,
      render: (item) => changesCell(ctx, item),
    },
  ];
}
