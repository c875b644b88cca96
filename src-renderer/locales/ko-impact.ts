import type { enImpact } from './en-impact';

/** 작업 변경을 저장하기 전에 보여 주는 영향 대화상자의 한국어 메시지 (ko.ts에 `impact`로 합쳐집니다). */
export const koImpact: typeof enImpact = {
  loading: '저장하면 어떤 일이 생기는지 계산하는 중…',
  lead: '이 구성으로 다음 주기에서 일어날 일입니다. {when}에 읽은 원본과 Roster가 대상에 마지막으로 쓴 값을 바탕으로 계산했습니다. 아직 아무것도 저장하거나 보내지 않았습니다.',
  leadNoJob:
    '이 구성으로 첫 주기에서 일어날 일입니다. {when}에 읽은 원본을 바탕으로 계산했습니다. 아직 아무것도 저장하거나 보내지 않았습니다.',
  failed: 'Roster가 이 변경의 영향을 계산하지 못했습니다.',
  failedHint:
    '그래도 저장할 수 있습니다. 이 경우 변경은 미리 보기 없이 다음 주기에 적용됩니다. 삭제 임계값은 여전히 대량 비활성화와 삭제를 보류합니다.',
  retry: '다시 시도',
  tilesLabel: '작업별 개체 수. 하나를 고르면 그 개체만 표시합니다',
  actions: {
    create: '생성',
    update: '업데이트',
    enable: '활성화',
    disable: '비활성화',
    delete: '삭제',
    outOfScope: '범위 밖',
    unchanged: '변경 없음',
  },
  filterAll: '모든 작업',
  filterLabel: '이 작업의 개체 표시',
  searchPlaceholder: '이름이나 키로 검색',
  searchLabel: '표시된 개체 검색',
  shown: '표시된 개체 없음 | 개체 1개 표시 | 개체 {count}개 중 {shown}개 표시',
  loadMore: '더 보기',
  nothing: '이 필터에 맞는 개체가 없습니다.',
  columns: {
    object: '개체',
    action: '작업',
    reason: '이유',
    changes: '변경 사항',
  },
  empty: '(비어 있음)',
  problemsTitle: '저장하기 전에 고칠 문제',
  warnings: {
    problems:
      '구성에 문제가 1개 있어 Roster가 저장을 거부합니다. | 구성에 문제가 {count}개 있어 Roster가 저장을 거부합니다.',
    deletionThreshold:
      '이 변경은 개체 {count}개를 비활성화하거나 삭제합니다. 작업의 삭제 임계값보다 많으므로, 작업 페이지에서 허용할 때까지 주기가 이를 보류합니다.',
    leavingScope:
      '지금 범위 안에 있는 개체 1개가 범위 밖으로 나갑니다. | 지금 범위 안에 있는 개체 {count}개가 범위 밖으로 나갑니다.',
    disables: '계정 1개가 비활성화됩니다. | 계정 {count}개가 비활성화됩니다.',
    deletes: '대상에서 계정 1개가 삭제됩니다. | 대상에서 계정 {count}개가 삭제됩니다.',
    fullCycle:
      '이 변경은 매핑이나 일치 규칙을 바꾸므로 다음 주기는 모든 개체를 읽고 비교하는 전체(초기) 주기입니다.',
    overlaps:
      '작업 “{job}”도 이 계정 중 1개의 {attributes} 값을 씁니다. 두 작업이 주기마다 서로의 값을 덮어씁니다. | 작업 “{job}”도 이 계정 중 {count}개의 {attributes} 값을 씁니다. 두 작업이 주기마다 서로의 값을 덮어씁니다.',
  },
  cancel: '취소',
  save: '저장',
  saveAnyway: '미리 보기 없이 저장',
  saveWithDisables: '저장하고 {count}개 비활성화',
};
