// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { mount } from '@vue/test-utils';
import { connectionSettingsSchemas } from '@shared/domain/connections';
import { fieldProblemOf, type FieldProblem } from '@shared/domain/validation-issue-codes';
import { useFieldProblemText } from '../../../src-renderer/components/field-problem-text';
import { createRosterI18n } from '../../../src-renderer/locales';

/** The problem a SCIM connection's settings get for these extra keys (a pasted job or connection file). */
function unknownKeysProblem(extra: Record<string, string>): FieldProblem {
  const parsed = connectionSettingsSchemas.scim.safeParse({ baseUrl: 'https://scim.example.com', ...extra });
  const issue = parsed.error?.issues[0];
  if (!issue) throw new Error('expected the settings to be refused');
  return fieldProblemOf(issue);
}

function shown(problem: FieldProblem, language: 'en' | 'ko'): string {
  let text = '';
  const host = defineComponent({
    setup() {
      text = useFieldProblemText()(problem);
      return () => h('div');
    },
  });
  mount(host, { global: { plugins: [createRosterI18n(language)] } }).unmount();
  return text;
}

describe('unknown keys in settings, as a form shows them', () => {
  it('says each of several unknown keys in Korean, line by line, and keeps the English whole', () => {
    const problem = unknownKeysProblem({ baseUrll: 'x', token: 'y' });
    expect(problem.code).toBe('unknownKeys');
    expect(shown(problem, 'en')).toBe(problem.message);
    const korean = shown(problem, 'ko').split('\n');
    expect(korean).toHaveLength(2);
    expect(korean[0]).toBe('“baseUrll”은(는) 알 수 없는 키입니다. “baseUrl”을(를) 찾으셨나요?');
    expect(korean[1]).toContain('“token”은(는) 알 수 없는 키입니다. “bearerToken”을(를) 찾으셨나요?');
    expect(korean[1]).toContain('`roster secret set <connection> bearerToken`');
    expect(korean.join('\n')).not.toMatch(/unknown key|Secrets never/);
  });

  it('says a secret typed into settings in Korean, with the command to copy untouched', () => {
    const problem = unknownKeysProblem({ bearerToken: 'x' });
    expect(problem.code).toBe('unknownKeyIsSecret');
    expect(shown(problem, 'en')).toBe(problem.message);
    const korean = shown(problem, 'ko');
    expect(korean).toContain('“bearerToken”: bearerToken은(는) 비밀 값입니다.');
    expect(korean).toContain('`roster secret set <connection> bearerToken`');
  });
});
