// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import SourceWatch from '../../../src-renderer/views/jobs/parts/source-watch.vue';
import { createRosterI18n } from '../../../src-renderer/locales';

function text(sourceWatch: unknown, language: 'en' | 'ko' = 'en'): string {
  const wrapper = mount(SourceWatch, {
    props: { job: { sourceWatch } as never },
    global: { plugins: [createRosterI18n(language)] },
    attachTo: document.body,
  });
  return wrapper.find('[data-test="source-watch"]').exists()
    ? wrapper.find('[data-test="source-watch"]').text()
    : '';
}

describe('fast deprovisioning on the job page', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('names the watched files, or the directory poll, in English and Korean', () => {
    expect(text({ kind: 'files', files: ['users.csv', 'groups.csv'] })).toBe(
      'Watching users.csv, groups.csv',
    );
    expect(text({ kind: 'poll', everySeconds: 60, by: 'usn' })).toBe('Polling the directory every minute');
    expect(text({ kind: 'poll', everySeconds: 30, by: null })).toBe('Polling the directory every 30 s');
    expect(text({ kind: 'files', files: ['users.csv'] }, 'ko')).toBe('users.csv 파일을 지켜보는 중');
    expect(text({ kind: 'poll', everySeconds: 60, by: 'csn' }, 'ko')).toBe('1분마다 디렉터리 변경 확인 중');
  });

  it('shows nothing when the source is not watched', () => {
    expect(text(null)).toBe('');
  });
});
