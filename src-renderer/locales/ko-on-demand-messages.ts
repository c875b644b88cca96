import type { enOnDemandMessages } from './en-on-demand-messages';

/** 주문형 프로비저닝이 직접 쓰는 메시지와 조치의 한국어 문구 (ko.ts에 `onDemandMessages`로 합쳐집니다). */
export const koOnDemandMessages: typeof enOnDemandMessages = {
  messages: {
    groupsNotMapped: '{job}은(는) 그룹을 프로비저닝하지 않습니다: 그룹(Groups) 매핑이 꺼져 있습니다.',
    ambiguous: '“{query}”에 맞는 개체가 {count}개입니다: {candidates}.',
    notFoundUser: '{source}에 “{query}” 사용자가 없습니다.',
    notFoundUserGuess: '{source}에 “{query}” 사용자가 없습니다. 이것을 찾으셨나요: {suggestions}?',
    notFoundGroup: '{source}에 “{query}” 그룹이 없습니다.',
    notFoundGroupGuess: '{source}에 “{query}” 그룹이 없습니다. 이것을 찾으셨나요: {suggestions}?',
    notFoundMember: '{source}의 {group} 구성원 중에 “{query}”이(가) 없습니다.',
    notFoundMemberGuess:
      '{source}의 {group} 구성원 중에 “{query}”이(가) 없습니다. 이것을 찾으셨나요: {suggestions}?',
    unsettledWrite: '중단된 실행이 대상에 보낸 쓰기를 확인할 수 없어서 이 개체는 그대로 둡니다.',
    tooManyDeletes: '비활성화 또는 삭제 {count}건이 작업의 삭제 임계값 {threshold}을(를) 넘습니다.',
    jobBusy:
      '{since}부터 {holder}(호스트 {host}의 프로세스 {pid})이(가) {job}을(를) 실행하고 있습니다. 끝난 뒤 다시 시도하거나, 먼저 그 주기를 취소하세요.',
    jobBusyWaited:
      '{since}부터 {holder}(호스트 {host}의 프로세스 {pid})이(가) {job}을(를) 실행하고 있습니다. 끝나기를 {seconds}초 기다렸습니다. 끝난 뒤 다시 시도하거나, 먼저 그 주기를 취소하세요.',
    cancelledWhileWaiting: '실행 중인 주기를 기다리는 동안 주문형 프로비저닝이 취소되었습니다.',
    importSkipped: '이 개체는 일치 특성 값이 하나도 없어 안전하게 일치시킬 수 없습니다.',
    connectionFailed: '{target}: {summary}',
    unexpected: '예기치 않은 오류로 주문형 프로비저닝이 멈췄습니다. 오류 원문: {error}',
  },
  actions: {
    jobBusy: '주기가 끝난 뒤 다시 실행하거나, 먼저 주기를 취소하세요.',
    checkCredentials: '대상 연결의 자격 증명을 확인하세요(연결 → 연결 테스트).',
    checkReachability: '대상 연결의 URL과 연결 가능 여부를 확인하세요(연결 → 연결 테스트).',
    groupsNotMapped: '그룹(Groups) 개체 매핑을 켜거나, 구성원을 한 명씩 프로비저닝하세요.',
    ambiguous: '원하는 개체의 원본 키(또는 이메일)를 쓰세요.',
    notFound:
      '이름, 성, 표시 이름, 사용자 이름, 이메일 또는 원본 키로 검색하세요. 원본에서 삭제된 개체는 다음 주기에 프로비저닝 해제됩니다.',
    unsettledWrite: '대상이 응답하는지 확인한 뒤 다시 실행하세요.',
    tooManyDeletes: '임계값을 올리거나 실수로 인한 삭제 방지를 끄세요. 또는 다음 주기가 보류하도록 두세요.',
    outOfScope:
      '의도한 것이라면 고칠 것이 없습니다. 아니라면 원본 데이터나 범위 지정 필터를 바꾸거나, 사용자를 작업에 할당하세요.',
    importSkipped: '첫 번째 일치 특성의 원본 특성 값을 채운 뒤 다시 실행하세요.',
    duplicateTargetEntries: '대상에서 일치 특성이 고유하도록 하거나, 일치 특성을 바꾸세요.',
    duplicateSourceEntries: '원본 개체마다 첫 번째 일치 특성에 서로 다른 값을 주세요.',
    tooManyRequests: '대상이 Roster의 요청을 제한하고 있습니다. 1분 뒤 다시 실행하세요.',
    sourceObjectDisabled: '프로비저닝해야 하는 개체라면 원본에서 사용하도록 설정하세요.',
    general: '이유와 세부 정보를 읽고 원본, 매핑 또는 대상에서 원인을 고친 뒤 다시 실행하세요.',
    runAgain: '다시 실행하세요. 또 실패하면 작업과 연결을 확인하세요.',
  },
};
