// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import SaveFailureAlert from '../../../src-renderer/views/jobs/parts/save-failure-alert.vue';
import { saveFailureIssues } from '../../../src-renderer/views/jobs/parts/save-failure-issues';
import type { SaveFailure } from '../../../src-renderer/views/jobs/parts/use-save-with-impact';
import { createRosterI18n } from '../../../src-renderer/locales';

const details = {
  issues: [
    {
      path: 'settings.onSourceDelete',
      message:
        'The target cannot disable accounts: set leavers to be deleted, or let the connection disable them.',
      code: 'targetCannotDisable',
      params: {},
    },
    {
      path: 'objectMappings[0].scope.filters[0].clauses[0].attribute',
      message: 'Filter 1, clause 1: choose an attribute.',
      code: 'scopingFilter',
      detail: { code: 'emptyAttribute', params: { filter: '1', clause: '1' } },
    },
    { path: 'name', message: 'Something only a newer version says', code: 'fromTheFuture' },
    { path: 5, message: 'malformed: dropped' },
  ],
};

const failure: SaveFailure = {
  code: 'invalidInput',
  message: 'The job "HR" has 3 problem(s): …',
  issues: saveFailureIssues(details),
};

function render(locale: 'en' | 'ko'): string[] {
  const wrapper = mount(SaveFailureAlert, {
    props: { failure },
    global: { plugins: [createRosterI18n(locale)] },
  });
  const lines = [wrapper.find('.message').text(), ...wrapper.findAll('li').map((li) => li.text())];
  wrapper.unmount();
  return lines;
}

describe('save failure alert', () => {
  it('keeps each issue’s code, parameters and detail, and drops malformed ones', () => {
    expect(failure.issues).toHaveLength(3);
    expect(failure.issues[1]).toMatchObject({ code: 'scopingFilter', detail: { code: 'emptyAttribute' } });
    expect(failure.issues[2]).toEqual({ path: 'name', message: 'Something only a newer version says' });
    expect(saveFailureIssues(undefined)).toEqual([]);
  });

  it('says the problems in Korean from their codes, English for a code it does not know', () => {
    expect(render('ko')).toEqual([
      '저장하기 전에 고칠 문제',
      'settings.onSourceDelete 대상이 계정을 비활성화할 수 없습니다. 퇴사자를 삭제하도록 설정하거나, 연결에서 비활성화 방법을 설정하세요.',
      'objectMappings[0].scope.filters[0].clauses[0].attribute 필터 1, 조건 1: 특성을 고르세요.',
      'name Something only a newer version says',
    ]);
  });

  it('shows the app’s own English sentences in English', () => {
    expect(render('en')).toEqual([
      'The job "HR" has 3 problem(s): …',
      `settings.onSourceDelete ${details.issues[0]?.message}`,
      'objectMappings[0].scope.filters[0].clauses[0].attribute Filter 1, clause 1: choose an attribute.',
      'name Something only a newer version says',
    ]);
  });
});
