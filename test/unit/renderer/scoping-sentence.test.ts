// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { describeClause, explainScoping, type ScopingFilter } from '@shared/scoping';
import {
  scopingSummaryCodes,
  scopingSummaryParameters,
  sayScopingEnglish,
} from '@shared/scoping/explain-messages';
import { createRosterI18n } from '../../../src-renderer/locales';
import {
  clauseOutcomeText,
  clauseWarnings,
  scopingSentence,
} from '../../../src-renderer/views/playground/parts/scoping-sentence';
import ScopingTester from '../../../src-renderer/views/playground/parts/scoping-tester.vue';
import { translator } from './translator';

const filters: ScopingFilter[] = [
  {
    title: 'Engineering admins',
    clauses: [
      { attribute: 'department', operator: 'EQUALS', value: 'Engineering' },
      { attribute: 'displayName', operator: 'Includes', value: 'Admin' },
    ],
  },
  { title: '', clauses: [{ attribute: 'employeeId', operator: 'Greater_Than', value: '100' }] },
  { title: 'Flagged', clauses: [{ attribute: 'accountEnabled', operator: 'IS TRUE' }] },
];

const sources: Record<string, unknown>[] = [
  { department: 'Engineering', displayName: 'Eng Admins' },
  { department: 'Sales', displayName: 'Admin', employeeId: 'x12', accountEnabled: 'maybe' },
  { department: 'Sales', employeeId: 7n, accountEnabled: false },
  {},
  { department: ['Engineering', 'Sales'], employeeId: 101 },
];

describe('the scoping explanation in the admin’s language', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('says in English in the app exactly what the log and roster scope print', () => {
    const en = translator('en');
    const cases = [explainScoping([], {}), ...sources.map((source) => explainScoping(filters, source))];
    for (const explanation of cases) {
      expect(scopingSentence(explanation, en)).toBe(explanation.summary);
      for (const clause of explanation.decidingClauses)
        expect(clauseOutcomeText(clause, en)).toBe(describeClause(clause));
    }
    const { t } = createRosterI18n('en').global;
    const params = Object.fromEntries(scopingSummaryParameters.map((name) => [name, `<${name} | @x {y}>`]));
    for (const code of scopingSummaryCodes)
      expect(t(`expressions.scoping.sentence.${code}`, params), code).toBe(sayScopingEnglish(code, params));
  });

  it('says why an object is in or out in Korean', () => {
    const ko = translator('ko');
    expect(scopingSentence(explainScoping([], {}), ko)).toBe('범위 안: 범위 지정 필터가 없습니다.');
    expect(scopingSentence(explainScoping(filters, sources[0] ?? {}), ko)).toBe(
      '범위 안: 필터 1 “Engineering admins”의 조건이 모두 참이라 통과했습니다. department EQUALS "Engineering" 조건이 참(실제 값: "Engineering"), displayName Includes "Admin" 조건이 참(실제 값: "Eng Admins").',
    );
    expect(scopingSentence(explainScoping(filters, {}), ko)).toBe(
      '범위 밖: 필터 1 “Engineering admins”에서 department EQUALS "Engineering" 조건이 거짓(실제 값: 없음, 특성이 비어 있음); 필터 2에서 employeeId Greater_Than "100" 조건이 거짓(실제 값: 없음, 특성이 비어 있음); 필터 3 “Flagged”에서 accountEnabled IS TRUE 조건이 거짓(실제 값: 없음, 특성이 비어 있음).',
    );
    const out = explainScoping(filters, sources[1] ?? {});
    expect(out.decidingClauses.map((c) => clauseOutcomeText(c, ko))).toEqual([
      'department EQUALS "Engineering" 조건이 거짓(실제 값: "Sales")',
      'employeeId Greater_Than "100" 조건이 거짓(실제 값: "x12", 값이 정수가 아님)',
      'accountEnabled IS TRUE 조건이 거짓(실제 값: "maybe", 값이 참/거짓이 아님)',
    ]);
  });

  it('says the evaluator’s warnings in Korean, and in English as the log does', () => {
    const out = explainScoping(filters, sources[1] ?? {});
    expect(out.warnings).toEqual([
      'Scoping clause employeeId Greater_Than 100: the attribute value "x12" is not an integer; the clause is false.',
    ]);
    expect(clauseWarnings(out, translator('en'))).toEqual(out.warnings);
    expect(clauseWarnings(out, translator('ko'))).toEqual([
      'employeeId Greater_Than "100": 이 조건은 거짓으로 처리됩니다(값이 정수가 아님).',
    ]);
    const several = explainScoping(filters, sources[4] ?? {});
    expect(clauseWarnings(several, translator('ko'))).toEqual([
      'department EQUALS "Engineering": 이 조건은 거짓으로 처리됩니다(특성에 값이 여러 개 있음).',
    ]);
    expect(clauseWarnings(explainScoping(filters, sources[0] ?? {}), translator('ko'))).toEqual([]);
  });

  it('shows the tester’s verdict, sentence and deciding clauses in Korean', async () => {
    const wrapper = mount(ScopingTester, {
      props: { sample: { country: 'USA', department: 'Sales', accountEnabled: 'yes' } },
      global: { plugins: [createRosterI18n('ko')] },
      attachTo: document.body,
    });
    await flushPromises();
    expect(wrapper.find('[data-test="scoping-verdict"]').text()).toBe('범위 밖');
    expect(wrapper.find('[data-test="scoping-summary"]').text()).toBe(
      '범위 밖: 필터 1 “US sales”에서 accountEnabled IS TRUE 조건이 거짓(실제 값: "yes", 값이 참/거짓이 아님).',
    );
    expect(wrapper.findAll('[data-test="scoping-result"] li').map((li) => li.text())).toEqual([
      '1. US sales accountEnabled IS TRUE 조건이 거짓(실제 값: "yes", 값이 참/거짓이 아님)',
    ]);
    wrapper.unmount();
  });

  it('shows the same sentence in English as the log', async () => {
    const sample = { country: 'USA', department: 'Sales', accountEnabled: true };
    const wrapper = mount(ScopingTester, {
      props: { sample },
      global: { plugins: [createRosterI18n('en')] },
      attachTo: document.body,
    });
    await flushPromises();
    expect(wrapper.find('[data-test="scoping-summary"]').text()).toBe(
      'In scope: filter 1 "US sales" passed because country EQUALS "USA" is true (actual value: "USA"), and department EQUALS "Sales" is true (actual value: "Sales"), and accountEnabled IS TRUE is true (actual value: true).',
    );
    wrapper.unmount();
  });
});
