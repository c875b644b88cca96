import type { enJobStates } from './en-job-states';

/** 작업 목록과 대시보드의 작업 상태 (ko.ts에 `jobStates`로 합쳐짐). */
export const koJobStates: typeof enJobStates = {
  dryRunOnly: '시험 실행만 함',
  found: '예상 작업: {counts}',
  unfinished: {
    title: '마치지 않은 설정 | 마치지 않은 설정',
    intro:
      '새 작업 마법사가 시험 실행을 위해 저장했지만 만들지 않은 설정입니다. 실행되지 않으며 아직 작업이 아닙니다. 설정을 이어서 하거나 버리세요.',
    item: '{name} ({source} → {target}), {when}에 시작',
    noDryRun: '아직 시험 실행하지 않았습니다.',
    notResumable:
      '마법사가 지금 다른 설정을 갖고 있어 이 설정은 이어서 할 수 없습니다. 버리고 다시 설정하세요.',
    resume: '설정 이어서 하기',
    discard: '버리기',
    discardTitle: '“{name}” 설정을 버릴까요?',
    discardBody: '저장된 구성과 시험 실행 기록이 삭제됩니다. 원본과 대상에서는 아무것도 바뀌지 않습니다.',
    discardConfirm: '설정 버리기',
    keep: '유지',
    discarded: '“{name}” 설정을 버렸습니다.',
  },
};
