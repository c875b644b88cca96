import { isScopingOperator, type ScopingClause } from '@shared/scoping';
import { operatorLabelKey } from './operator-metadata';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** One condition as words, in the word order of the admin's language ("department equals “Sales”"). */
export function clauseSentence(
  t: Translate,
  clause: Pick<ScopingClause, 'attribute' | 'operator' | 'value'>,
): string {
  const values = { attribute: clause.attribute || '…', value: clause.value ?? '', operator: clause.operator };
  return isScopingOperator(clause.operator)
    ? t(`scopingEditor.sentence.${operatorLabelKey(clause.operator)}`, values)
    : t('scopingEditor.sentence.unknown', values);
}
