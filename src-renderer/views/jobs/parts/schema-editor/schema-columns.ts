import { h } from 'vue';
import { NButton, NCheckbox, NSelect, NTag, NTooltip, type DataTableColumns } from 'naive-ui';
import { attributeTypes, objectTypes, type TargetSchemaAttribute } from '@shared/domain/schema';
import type { DeleteBlock } from './schema-rules';

type Translate = (key: string, values?: Record<string, unknown>) => string;

export interface SchemaRow {
  /** Index in the job's whole target schema list. */
  index: number;
  attribute: TargetSchemaAttribute;
  block: DeleteBlock | null;
}

export interface SchemaColumnActions {
  change: (index: number, patch: Partial<TargetSchemaAttribute>) => void;
  remove: (index: number) => void;
}

function blockText(t: Translate, row: SchemaRow): string {
  if (!row.block) return '';
  return row.block.code === 'primaryKey'
    ? t('mappings.schema.deletePrimaryKey', { name: row.attribute.name })
    : t('mappings.schema.deleteUsed', { name: row.attribute.name, mappings: row.block.mappings });
}

function flag(
  t: Translate,
  row: SchemaRow,
  key: 'required' | 'multiValued' | 'caseExact',
  actions: SchemaColumnActions,
) {
  const label = `${t(`mappings.schema.columns.${key}`)}: ${row.attribute.name}`;
  return h(NCheckbox, {
    checked: row.attribute[key],
    'aria-label': label,
    'data-test': `schema-${key}-${row.attribute.name}`,
    onUpdateChecked: (on: boolean) => actions.change(row.index, { [key]: on }),
  });
}

/** The attribute list's columns: properties edited in place, delete refused with the reason beside it. */
export function schemaColumns(t: Translate, actions: SchemaColumnActions): DataTableColumns<SchemaRow> {
  return [
    {
      title: t('mappings.schema.columns.name'),
      key: 'name',
      minWidth: 170,
      render: (row) =>
        h('div', [
          h('code', { class: 'name' }, row.attribute.name),
          // The key is a tag beside the name rather than a column of its own, so the table fits 1024 px.
          row.attribute.primaryKey
            ? h(NTag, { size: 'tiny', bordered: false, type: 'info', class: 'key' }, () =>
                t('mappings.schema.columns.primaryKey'),
              )
            : null,
          row.attribute.description ? h('div', { class: 'muted' }, row.attribute.description) : null,
        ]),
    },
    {
      title: t('mappings.schema.columns.type'),
      key: 'type',
      width: 108,
      render: (row) =>
        h(NSelect, {
          size: 'small',
          value: row.attribute.type,
          options: attributeTypes.map((type) => ({ label: type, value: type })),
          'aria-label': `${t('mappings.schema.columns.type')}: ${row.attribute.name}`,
          'data-test': `schema-type-${row.attribute.name}`,
          disabled: row.attribute.primaryKey,
          onUpdateValue: (type: TargetSchemaAttribute['type']) =>
            actions.change(row.index, {
              type,
              ...(type === 'Reference' ? { referencedObject: row.attribute.referencedObject ?? 'User' } : {}),
            }),
        }),
    },
    {
      title: t('mappings.schema.columns.required'),
      key: 'required',
      width: 84,
      align: 'center',
      render: (row) => flag(t, row, 'required', actions),
    },
    {
      title: t('mappings.schema.columns.multiValued'),
      key: 'multiValued',
      width: 72,
      align: 'center',
      render: (row) => flag(t, row, 'multiValued', actions),
    },
    {
      title: t('mappings.schema.columns.caseExact'),
      key: 'caseExact',
      width: 72,
      align: 'center',
      render: (row) => flag(t, row, 'caseExact', actions),
    },
    {
      title: t('mappings.schema.columns.referencedObject'),
      key: 'referencedObject',
      width: 104,
      render: (row) =>
        row.attribute.type === 'Reference'
          ? h(NSelect, {
              size: 'small',
              value: row.attribute.referencedObject ?? 'User',
              options: objectTypes.map((type) => ({
                label: t(`provisioning.objectTypes.${type}`),
                value: type,
              })),
              'aria-label': `${t('mappings.schema.columns.referencedObject')}: ${row.attribute.name}`,
              onUpdateValue: (referencedObject: TargetSchemaAttribute['objectType']) =>
                actions.change(row.index, { referencedObject }),
            })
          : h('span', { class: 'muted' }, t('mappings.table.none')),
    },
    {
      title: t('mappings.schema.columns.actions'),
      key: 'actions',
      width: 72,
      render: (row) => {
        const button = h(
          NButton,
          {
            size: 'small',
            quaternary: true,
            type: 'error',
            disabled: row.block !== null,
            'aria-label': t('mappings.schema.deleteLabel', { name: row.attribute.name }),
            'data-test': `schema-delete-${row.attribute.name}`,
            onClick: () => actions.remove(row.index),
          },
          () => t('mappings.schema.delete'),
        );
        if (!row.block) return button;
        const reason = blockText(t, row);
        return h(
          NTooltip,
          {},
          {
            // A disabled button takes no focus: its wrapper does, so the reason can be read from the keyboard.
            trigger: () =>
              h(
                'span',
                {
                  tabindex: 0,
                  class: 'blocked',
                  'aria-label': reason,
                  'data-test': `schema-delete-blocked-${row.attribute.name}`,
                },
                [button],
              ),
            default: () => reason,
          },
        );
      },
    },
  ];
}
