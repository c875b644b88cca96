import type { enUx } from './en-ux';

/** 앱 틀과 공용 컨트롤의 한국어 (ko.ts에 `ux`로 합쳐짐). */
export const koUx: typeof enUx = {
  skipToContent: '페이지 내용으로 건너뛰기',
  collapseNav: '사이드바 접기',
  expandNav: '사이드바 펼치기',
  navLabel: '섹션',
  rangeStart: '시작 날짜',
  rangeEnd: '끝 날짜',
  planLink: '연결만',
  logNoChange: '변경 없음',
  dryRunOnly: {
    title: '아직 시험 실행만 했습니다',
    body: '실제 주기는 실행되지 않아 대상에서 바뀐 것이 없습니다. 마지막 시험 실행({when}) 결과: {counts}.',
    nothing: '바꿀 것 없음',
    openPlan: '계획 열기',
    counts: {
      created: '만들기 1건 | 만들기 {count}건',
      updated: '업데이트 1건 | 업데이트 {count}건',
      enabled: '활성화 1건 | 활성화 {count}건',
      disabled: '비활성화 1건 | 비활성화 {count}건',
      deleted: '삭제 1건 | 삭제 {count}건',
      staged: '보류 1건 | 보류 {count}건',
      failed: '실패 예상 1건 | 실패 예상 {count}건',
    },
  },
};
