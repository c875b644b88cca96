// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { validateExpression } from '@shared/expressions';
import { objectMappingSchema, type AttributeMapping } from '@shared/domain/jobs';
import { genericScimTargetSchema } from '@shared/domain/scim-template';
import { createRosterI18n } from '../../../src-renderer/locales';
import {
  attributeMappingProblems,
  objectMappingProblems,
  type MappingContext,
} from '../../../src-renderer/views/jobs/parts/mapping-editor/mapping-problems';
import { problemText } from '../../../src-renderer/views/jobs/parts/mapping-editor/problem-text';
import ObjectMappingSection from '../../../src-renderer/views/jobs/parts/mapping-editor/object-mapping-section.vue';
import { syntaxCases } from './expression-syntax-cases';

const userSchema = genericScimTargetSchema.filter((a) => a.objectType === 'User');
const sourceNames = ['mail', 'givenName', 'surname', 'objectId'];

function expression(source: string): AttributeMapping {
  return { target: 'displayName', type: 'Expression', source, apply: 'Always', matchingPriority: 0 };
}

const ctx: MappingContext = {
  others: [],
  schema: userSchema,
  sourceNames,
  newTargetsAllowed: false,
  path: 'objectMappings[0].attributeMappings[0]',
  index: 0,
};

function say(locale: 'en' | 'ko', source: string): string {
  const { t } = createRosterI18n(locale).global;
  const [problem] = attributeMappingProblems(expression(source), ctx);
  if (problem?.code !== 'expressionError') throw new Error(`no expression error in ${source}`);
  return problemText((key, values) => t(key, values), problem);
}

/** Expressions whose first error is a checker sentence, a syntax sentence with a phrase, or a regex problem. */
const broken = {
  unknownFunction: 'Tolower([mail])',
  missingParenthesis: 'Join(" ", [givenName]',
  argumentCount: 'Left([mail])',
  regex: 'Replace([mail], , "a**", , "b", , )',
};

describe('the mapping list says an expression error in the admin language', () => {
  it('keeps English exactly as the checker wrote it, for every syntax sentence too', () => {
    for (const source of [...Object.values(broken), ...syntaxCases.filter((s) => s.trim() !== '')]) {
      const [first] = validateExpression(source, {
        placement: { createOnly: false, matchingAttribute: false },
      }).filter((d) => d.severity === 'error');
      if (!first) continue;
      expect(say('en', source), source).toBe(first.message);
    }
  });

  it('says the checker, the parser and a regex problem in Korean', () => {
    expect(say('ko', broken.unknownFunction)).toBe(
      '1행 1열: 알 수 없는 함수 Tolower입니다. 함수 이름은 대소문자를 구분합니다: ToLower(으)로 쓰세요.',
    );
    for (const source of Object.values(broken)) {
      const text = say('ko', source);
      expect(text, source).toMatch(/^\d+행 \d+열: /);
      // Only names from the expression stay Latin: no English sentence inside the Korean one.
      expect(text, source).not.toMatch(/\b(the|is|was|must|expected|argument)\b/i);
    }
    expect(say('ko', broken.regex)).toMatch(/^1행 \d+열: Replace: /);
  });

  it('leaves problems without a detail as they were', () => {
    const { t } = createRosterI18n('ko').global;
    const [problem] = attributeMappingProblems({ ...expression(' ') }, ctx);
    expect(problem?.detail).toBeUndefined();
    expect(problemText((key, values) => t(key, values), problem!)).toBe(
      t('mappings.problems.expressionRequired'),
    );
  });
});

describe('the object mapping table in Korean', () => {
  it('shows the expression error of a row in Korean', () => {
    const mapping = objectMappingSchema.parse({
      name: 'Users',
      sourceObject: 'User',
      targetObject: 'User',
      attributeMappings: [
        { target: 'userName', type: 'Direct', source: 'mail', matchingPriority: 1 },
        expression(broken.unknownFunction),
      ],
    });
    const problems = objectMappingProblems({ targetSchema: [...userSchema] }, mapping, 0, sourceNames);
    const wrapper = mount(ObjectMappingSection, {
      props: { mapping, schema: userSchema, problems },
      global: { plugins: [createRosterI18n('ko')] },
    });
    const row = wrapper.find('[data-test="mapping-problem-expressionError"]');
    expect(row.text()).toBe(
      '1행 1열: 알 수 없는 함수 Tolower입니다. 함수 이름은 대소문자를 구분합니다: ToLower(으)로 쓰세요.',
    );
  });
});
