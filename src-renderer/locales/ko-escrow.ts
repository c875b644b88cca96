import type { enEscrow } from './en-escrow';

/** 작업 페이지 "재시도 대기" 목록의 한국어 메시지 (ko.ts에 `escrow`로 합쳐집니다). */
export const koEscrow: typeof enEscrow = {
  tab: '재시도 대기',
  tabCount: '재시도 대기 ({count})',
  intro:
    '마지막 작업이 실패한 개체입니다. Roster가 알아서 다시 시도합니다. 일시적인 실패는 매 주기마다, 그 밖의 실패는 다음 주기, 6시간·12시간·24시간 뒤, 그 후에는 최대 28일 동안 하루에 한 번 시도합니다. 원본에서 개체가 바뀌면 바로 다시 시도합니다.',
  empty: '재시도를 기다리는 개체가 없습니다. 모든 개체의 마지막 작업이 성공했습니다.',
  count: '개체 없음 | 개체 1개 | 개체 {count}개',
  tableLabel: '재시도를 기다리는 개체',
  columns: {
    object: '개체',
    failure: '실패',
    error: '오류',
    attempts: '시도',
    failures: '첫 실패와 마지막 실패',
    nextRetry: '다음 재시도',
    actions: '작업',
  },
  failure: {
    own: '개체 자체',
    reference: '관리자 또는 구성원',
    ownHelp: '개체 자체의 생성 또는 업데이트가 실패했습니다.',
    referenceHelp: '개체는 기록되었지만 관리자 또는 그룹 구성원 변경이 실패했습니다.',
  },
  errorClasses: {
    transient: '일시적',
    permanent: '거부됨',
    credential: '자격 증명',
  },
  next: {
    nextCycle: '다음 주기',
    never: '자동 재시도 종료 (28일 경과)',
    requested: '재시도 요청됨',
  },
  first: '처음 {when}',
  last: '마지막 {when}',
  retry: '다음 주기에 재시도',
  retryLabel: '다음 주기에 {name} 재시도',
  retryDone: '다음 주기에 {name}을(를) 다시 시도합니다.',
  drop: '제외',
  dropLabel: '재시도 목록에서 {name} 제외',
  dropTitle: '재시도 목록에서 {name}을(를) 제외할까요?',
  dropBody:
    'Roster가 이 개체를 더 이상 다시 시도하지 않습니다. 원본에서 개체가 바뀌거나 작업을 다시 시작할 때만 다시 시도합니다.',
  dropDone: '재시도 목록에서 {name}을(를) 제외했습니다.',
  export: 'CSV 내보내기',
  exportHelp: '목록을 Excel용 CSV 파일로 내보냅니다. 개체마다 한 행입니다.',
};
