import { h } from 'vue';
import { NButton, NSpace, NTag, NTooltip, type DataTableColumns } from 'naive-ui';
import type { AttributeMapping } from '@shared/domain/jobs';
import type { TargetSchemaAttribute } from '@shared/domain/schema';
import type { MappingProblem } from './mapping-problems';

type Translate = (key: string, values?: Record<string, unknown>) => string;

export interface MappingRow {
  index: number;
  mapping: AttributeMapping;
  required: boolean;
  /** Position among the matching mappings (0-based), or -1. */
  matchingAt: number;
  matchingCount: number;
  problems: MappingProblem[];
}

export interface MappingColumnActions {
  edit: (index: number) => void;
  remove: (index: number) => void;
  move: (index: number, direction: -1 | 1) => void;
  problemText: (problem: MappingProblem) => string;
}

/** The source as an admin reads it: the attribute, the quoted constant, the expression, or a dash. */
export function readableSource(mapping: AttributeMapping): string {
  if (mapping.type === 'None') return '';
  if (mapping.type === 'Constant') return JSON.stringify(mapping.source);
  return mapping.source;
}

export function mappingRows(
  mappings: readonly AttributeMapping[],
  schema: readonly TargetSchemaAttribute[],
  problems: readonly MappingProblem[],
  order: readonly number[],
): MappingRow[] {
  return mappings.map((mapping, index) => ({
    index,
    mapping,
    required: schema.some((a) => a.required && a.name.toLowerCase() === mapping.target.toLowerCase()),
    matchingAt: order.indexOf(index),
    matchingCount: order.length,
    problems: problems.filter((p) => p.index === index),
  }));
}

/** Columns of the attribute mappings table; sized so the table fits a 1024 px window with the sidebar. */
export function mappingColumns(t: Translate, actions: MappingColumnActions): DataTableColumns<MappingRow> {
  return [
    {
      title: t('mappings.table.target'),
      key: 'target',
      minWidth: 170,
      render: (row) =>
        h('div', { class: 'target-cell' }, [
          h('code', { class: 'target' }, row.mapping.target),
          row.required
            ? h(NTag, { size: 'tiny', bordered: false, type: 'warning', class: 'required' }, () =>
                t('mappings.table.required'),
              )
            : null,
          ...row.problems.map((p) =>
            h(
              'div',
              { class: `row-problem ${p.severity}`, 'data-test': `mapping-problem-${p.code}` },
              actions.problemText(p),
            ),
          ),
        ]),
    },
    {
      // Type, source, default and when it applies share one column so the table fits a 1024 px window.
      title: t('mappings.table.source'),
      key: 'source',
      minWidth: 220,
      render: (row) => {
        const text = readableSource(row.mapping);
        const details = [
          row.mapping.defaultValue !== undefined
            ? t('mappings.table.defaultIs', { value: row.mapping.defaultValue })
            : null,
          row.mapping.apply !== 'Always' ? t(`mappings.applies.${row.mapping.apply}`) : null,
        ].filter((d): d is string => d !== null);
        return h('div', { class: 'source-cell' }, [
          h('div', { class: 'source-line' }, [
            h(NTag, { size: 'tiny', bordered: false, class: 'type' }, () =>
              t(`mappings.types.${row.mapping.type}`),
            ),
            text === ''
              ? h('span', { class: 'muted' }, t('mappings.table.none'))
              : h(
                  'code',
                  { class: row.mapping.type === 'Expression' ? 'source expr' : 'source', title: text },
                  text,
                ),
          ]),
          details.length ? h('div', { class: 'muted details' }, details.join(' · ')) : null,
        ]);
      },
    },
    {
      title: t('mappings.table.matching'),
      key: 'matching',
      width: 112,
      render: (row) => {
        if (row.matchingAt < 0) return h('span', { class: 'muted' }, t('mappings.table.none'));
        const target = row.mapping.target;
        return h('div', { class: 'precedence' }, [
          h(NTag, { size: 'small', bordered: false, type: 'info' }, () =>
            t('mappings.precedence', { n: row.matchingAt + 1 }),
          ),
          h(
            NButton,
            {
              size: 'tiny',
              quaternary: true,
              disabled: row.matchingAt === 0,
              'aria-label': t('mappings.moveUpLabel', { target }),
              title: t('mappings.moveUp'),
              'data-test': `mapping-up-${target}`,
              onClick: () => actions.move(row.index, -1),
            },
            () => '↑',
          ),
          h(
            NButton,
            {
              size: 'tiny',
              quaternary: true,
              disabled: row.matchingAt === row.matchingCount - 1,
              'aria-label': t('mappings.moveDownLabel', { target }),
              title: t('mappings.moveDown'),
              'data-test': `mapping-down-${target}`,
              onClick: () => actions.move(row.index, 1),
            },
            () => '↓',
          ),
        ]);
      },
    },
    {
      title: t('mappings.table.actions'),
      key: 'actions',
      width: 136,
      render: (row) => {
        const target = row.mapping.target;
        const remove = h(
          NButton,
          {
            size: 'small',
            quaternary: true,
            type: 'error',
            disabled: row.required,
            'aria-label': t('mappings.deleteLabel', { target }),
            'data-test': `mapping-delete-${target}`,
            onClick: () => actions.remove(row.index),
          },
          () => t('mappings.delete'),
        );
        return h(NSpace, { size: 4, wrap: false }, () => [
          h(
            NButton,
            {
              size: 'small',
              quaternary: true,
              'aria-label': t('mappings.editLabel', { target }),
              'data-test': `mapping-edit-${target}`,
              onClick: () => actions.edit(row.index),
            },
            () => t('mappings.edit'),
          ),
          row.required
            ? h(
                NTooltip,
                {},
                {
                  // A disabled button takes no focus or hover: the wrapper does, so the reason can be read.
                  trigger: () =>
                    h(
                      'span',
                      {
                        tabindex: 0,
                        class: 'blocked',
                        'aria-label': t('mappings.deleteRequired', { target }),
                        'data-test': `mapping-delete-blocked-${target}`,
                      },
                      [remove],
                    ),
                  default: () => t('mappings.deleteRequired', { target }),
                },
              )
            : remove,
        ]);
      },
    },
  ];
}
