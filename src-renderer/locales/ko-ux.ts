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
};
