// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import type { Diagnostic } from '@shared/expressions';
import ExpressionEditor from '../../../src-renderer/components/expression-editor/expression-editor.vue';
import { createRosterI18n } from '../../../src-renderer/locales';

type EditorProps = {
  modelValue?: string;
  sourceAttributes?: string[];
  sample?: Record<string, unknown> | null;
  previewDelay?: number;
};

function mountEditor(props: EditorProps = {}, language: 'en' | 'ko' = 'en') {
  const wrapper: VueWrapper = mount(ExpressionEditor, {
    props: {
      modelValue: '',
      sourceAttributes: ['givenName', 'surname'],
      sample: { givenName: 'Jane', surname: 'Doe' },
      previewDelay: 10,
      ...props,
      'onUpdate:modelValue': (value: string) => void wrapper.setProps({ modelValue: value }),
    },
    global: { plugins: [createRosterI18n(language)] },
    attachTo: document.body,
  });
  return wrapper;
}

function textarea(wrapper: VueWrapper): HTMLTextAreaElement {
  return wrapper.find('textarea').element;
}

/** Types at the caret one character at a time, as a keyboard would. */
async function type(wrapper: VueWrapper, text: string): Promise<void> {
  const el = textarea(wrapper);
  for (const ch of text) {
    const caret = el.selectionStart;
    el.value = el.value.slice(0, caret) + ch + el.value.slice(el.selectionEnd);
    el.setSelectionRange(caret + 1, caret + 1);
    await wrapper.find('textarea').trigger('input');
  }
  await flushPromises();
}

async function press(wrapper: VueWrapper, key: string): Promise<void> {
  await wrapper.find('textarea').trigger('keydown', { key });
  await flushPromises();
}

function options(wrapper: VueWrapper): string[] {
  return wrapper.findAll('[role="option"] .completion-label').map((o) => o.text());
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('expression editor', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('colours the expression in an overlay that holds exactly the typed text', async () => {
    const wrapper = mountEditor();
    await type(wrapper, 'Join(" ", [givenName])');
    const overlay = wrapper.find('.overlay');
    expect(overlay.attributes('aria-hidden')).toBe('true');
    expect(overlay.text().replace('\u200b', '')).toBe('Join(" ", [givenName])');
    expect(wrapper.find('.tok-function').text()).toBe('Join');
    expect(wrapper.find('.tok-string').text()).toBe('" "');
    expect(wrapper.find('.tok-attribute').text()).toBe('[givenName]');
  });

  it('underlines an error at its column as you type and says what is wrong', async () => {
    const wrapper = mountEditor();
    await type(wrapper, 'Join(" ", Apend([givenName], "x"))');
    const underlined = wrapper.findAll('.problem-error');
    expect(underlined.map((s) => s.text())).toEqual(['Apend']);
    // Offset 10 is column 11 on line 1.
    expect(underlined[0]?.attributes('data-start')).toBe('10');
    const message = wrapper.find('.problem.error').text();
    expect(message).toContain('Line 1, column 11:');
    expect(message).toContain('Unknown function Apend. Did you mean Append?');
    expect(wrapper.find('textarea').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('.field').classes()).toContain('invalid');
  });

  it('clears the underline once the error is fixed', async () => {
    const wrapper = mountEditor({ modelValue: 'Apend([givenName], "x")' });
    expect(wrapper.findAll('.problem-error')).toHaveLength(1);
    await wrapper.setProps({ modelValue: 'Append([givenName], "x")' });
    expect(wrapper.findAll('.problem-error')).toHaveLength(0);
    expect(wrapper.find('.problem').exists()).toBe(false);
    expect(wrapper.find('textarea').attributes('aria-invalid')).toBe('false');
  });

  it('marks a missing ")" at the end with a zero-width squiggle', async () => {
    const wrapper = mountEditor();
    await type(wrapper, 'Left([givenName], 2');
    const marker = wrapper.find('.marker.problem-error');
    expect(marker.exists()).toBe(true);
    expect(marker.attributes('data-start')).toBe('19');
    expect(wrapper.find('.problem.error').text()).toContain('Line 1, column 20:');
  });

  it('says where in Korean too', async () => {
    const wrapper = mountEditor({}, 'ko');
    await type(wrapper, 'Apend([givenName], "x")');
    expect(wrapper.find('.problem.error').text()).toContain('1줄 1열:');
  });

  it('says a syntax error in Korean, with what it found in Korean too', async () => {
    const wrapper = mountEditor({ modelValue: 'Join(" ", [givenName] [surname])' }, 'ko');
    await flushPromises();
    expect(wrapper.find('.problem.error').text()).toBe(
      '1줄 23열: Join 호출에서 "," 또는 ")"가 와야 하는데 특성 [surname]이(가) 있습니다.',
    );
    await wrapper.setProps({ modelValue: 'Left([givenName], 1.5)' });
    expect(wrapper.find('.problem.error').text()).toBe(
      '1줄 19열: "1.5"은(는) 정수가 아닙니다. 이 언어에는 소수나 지수 표기가 없습니다.',
    );
  });

  it('says the same syntax error in English exactly as the CLI does', async () => {
    const wrapper = mountEditor({ modelValue: 'Join(" ", [givenName] [surname])' });
    await flushPromises();
    expect(wrapper.find('.problem.error').text()).toBe(
      'Line 1, column 23: Expected "," or ")" in the call to Join but found the attribute [surname].',
    );
  });

  it('emits the diagnostics, including an empty expression it does not paint', async () => {
    const wrapper = mountEditor();
    const first = wrapper.emitted<[Diagnostic[]]>('diagnostics')?.[0]?.[0];
    expect(first?.map((d) => d.code)).toEqual(['emptyExpression']);
    expect(wrapper.find('.problem').exists()).toBe(false);
    await type(wrapper, 'Apend(');
    const last = wrapper.emitted<[Diagnostic[]]>('diagnostics')?.at(-1)?.[0];
    expect(last?.length).toBeGreaterThan(0);
  });

  it('offers function names with signature and description while a word is typed', async () => {
    const wrapper = mountEditor();
    await type(wrapper, 'Join(" ", Norm');
    const list = wrapper.find('[role="listbox"]');
    expect(list.exists()).toBe(true);
    expect(options(wrapper)).toEqual(['NormalizeDiacritics']);
    expect(list.find('.completion-detail').text()).toBe('NormalizeDiacritics(source)');
    expect(list.find('.completion-description').text()).not.toBe('');
    expect(wrapper.find('textarea').attributes('aria-activedescendant')).toBe(
      wrapper.find('[role="option"]').attributes('id'),
    );
  });

  it('accepting a completion with Enter inserts the function name and "("', async () => {
    const wrapper = mountEditor();
    await type(wrapper, 'Join(" ", Norm');
    await press(wrapper, 'Enter');
    expect(textarea(wrapper).value).toBe('Join(" ", NormalizeDiacritics(');
    expect(wrapper.emitted<[string]>('update:modelValue')?.at(-1)?.[0]).toBe(
      'Join(" ", NormalizeDiacritics(',
    );
    expect(textarea(wrapper).selectionStart).toBe('Join(" ", NormalizeDiacritics('.length);
    expect(wrapper.find('[role="listbox"]').exists()).toBe(false);
  });

  it('moves through the list with the arrow keys and accepts with Tab', async () => {
    const wrapper = mountEditor();
    await type(wrapper, 'Da');
    expect(options(wrapper).slice(0, 3)).toEqual(['DateAdd', 'DateDiff', 'DateFromNum']);
    await press(wrapper, 'ArrowDown');
    expect(wrapper.findAll('[role="option"]')[1]?.attributes('aria-selected')).toBe('true');
    await press(wrapper, 'ArrowUp');
    await press(wrapper, 'ArrowUp');
    expect(wrapper.findAll('[role="option"]').at(-1)?.attributes('aria-selected')).toBe('true');
    await press(wrapper, 'ArrowDown');
    await press(wrapper, 'ArrowDown');
    await press(wrapper, 'Tab');
    expect(textarea(wrapper).value).toBe('DateDiff(');
  });

  it('closes the list with Escape and leaves the text alone', async () => {
    const wrapper = mountEditor();
    await type(wrapper, 'Jo');
    expect(wrapper.find('[role="listbox"]').exists()).toBe(true);
    await press(wrapper, 'Escape');
    expect(wrapper.find('[role="listbox"]').exists()).toBe(false);
    expect(textarea(wrapper).value).toBe('Jo');
  });

  it('offers source attributes after "[" and closes the reference', async () => {
    const wrapper = mountEditor();
    await type(wrapper, 'Join(" ", [su');
    expect(options(wrapper)).toEqual(['surname']);
    await press(wrapper, 'Enter');
    expect(textarea(wrapper).value).toBe('Join(" ", [surname]');
  });

  it('accepts a completion with the mouse', async () => {
    const wrapper = mountEditor();
    await type(wrapper, 'Jo');
    await wrapper.find('[role="option"]').trigger('mousedown');
    await flushPromises();
    expect(textarea(wrapper).value).toBe('Join(');
  });

  it('previews the result for the sample and updates it as you type', async () => {
    const wrapper = mountEditor({ modelValue: 'Join(" ", [givenName], [surname])' });
    const result = () => wrapper.find('[data-test="expression-result"]');
    expect(result().text()).toBe('"Jane Doe"');
    textarea(wrapper).setSelectionRange(
      textarea(wrapper).value.length - 1,
      textarea(wrapper).value.length - 1,
    );
    await type(wrapper, ', "(HR)"');
    expect(textarea(wrapper).value).toBe('Join(" ", [givenName], [surname], "(HR)")');
    await wait(40);
    expect(result().text()).toBe('"Jane Doe (HR)"');
  });

  it('previews a dropped value, an evaluation error, and waits for a valid expression', async () => {
    const wrapper = mountEditor({ modelValue: 'IgnoreFlowIfNullOrEmpty([department])' });
    const result = () => wrapper.find('[data-test="expression-result"]');
    expect(result().text()).toContain('dropped (IgnoreFlowIfNullOrEmpty)');
    await wrapper.setProps({ modelValue: 'CDate([givenName])' });
    await wait(40);
    expect(result().attributes('data-status')).toBe('error');
    expect(result().text()).toContain('Line 1, column 7:');
    expect(result().text()).toContain('"Jane" is not a date');
    await wrapper.setProps({ modelValue: 'Apend([givenName])' });
    await wait(40);
    expect(result().text()).toBe('Fix the error above to see the result.');
  });

  it('re-evaluates when the sample changes', async () => {
    const wrapper = mountEditor({ modelValue: '[givenName]' });
    await wrapper.setProps({ sample: { givenName: 'Ann' } });
    await wait(40);
    expect(wrapper.find('[data-test="expression-result"]').text()).toBe('"Ann"');
    await wrapper.setProps({ sample: null });
    await wait(40);
    expect(wrapper.find('[data-test="expression-result"]').text()).toBe(
      'Give a valid sample object to see the result.',
    );
  });

  it('says a bad Replace pattern in Korean, from its code, keeping the function name', async () => {
    const wrapper = mountEditor({ modelValue: 'Replace([givenName], , "a(?=b)", , "x", , )' }, 'ko');
    await flushPromises();
    const problems = wrapper.find('[data-test="expression-problems"]').text();
    expect(problems).toContain('Replace: 패턴의 2번째 위치에 전방 탐색 "(?="이(가) 있습니다');
    expect(problems).not.toContain('lookahead');
  });

  it('keeps the English sentence of a bad Replace pattern in English', async () => {
    const wrapper = mountEditor({ modelValue: 'Replace([givenName], , "*a", , "x", , )' });
    await flushPromises();
    expect(wrapper.find('[data-test="expression-problems"]').text()).toContain(
      'Replace: The pattern contains "*" at position 1, which has nothing to repeat.',
    );
  });
});
