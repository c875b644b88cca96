// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { mount } from '@vue/test-utils';
import { refusal } from '@shared/domain/error-messages';
import { ApiError } from '../../../src-renderer/api';
import { useErrorText } from '../../../src-renderer/components/said-text';
import { createRosterI18n } from '../../../src-renderer/locales';

/** What a page shows beside the cause of a failed command (impact dialog, wizard, gallery, scope preview). */
function shown(error: unknown, language: 'en' | 'ko'): string {
  let text = '';
  const host = defineComponent({
    setup() {
      const errorText = useErrorText();
      text = errorText(error);
      return () => h('div');
    },
  });
  mount(host, { global: { plugins: [createRosterI18n(language)] } }).unmount();
  return text;
}

function apiErrorOf(error: ReturnType<typeof refusal>): ApiError {
  return new ApiError(error.toPayload());
}

describe('an error shown on the page that caused it', () => {
  const refused = apiErrorOf(refusal('notFound', 'connectionNamedMissing', { name: 'HR file' }));

  it('says a coded refusal in Korean and keeps the English word for word', () => {
    expect(shown(refused, 'en')).toBe('There is no connection named "HR file".');
    const korean = shown(refused, 'ko');
    expect(korean).toContain('HR file');
    expect(korean).not.toContain('There is no connection');
  });

  it('keeps the text of an error that came without a code', () => {
    const plain = new ApiError({ code: 'internal', message: 'socket hang up' });
    expect(shown(plain, 'ko')).toBe('socket hang up');
    expect(shown(new Error('boom'), 'ko')).toBe('boom');
    expect(shown('text', 'ko')).toBe('text');
  });
});
