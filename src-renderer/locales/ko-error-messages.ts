import type { enErrorMessages } from './en-error-messages';

/** 거부된 명령의 문장(코드별). 영어 원문은 CLI가 그대로 출력합니다. */
export const koErrorMessages: typeof enErrorMessages = {
  cycleAlreadyRunning: '이 작업의 주기가 이미 실행 중입니다. 끝나기를 기다리거나 취소하세요.',
  jobHeldElsewhere:
    '{sinceTime}부터 {label}(호스트 {host}의 프로세스 {pid})이(가) {job}을(를) 실행하고 있습니다. 끝나기를 기다리거나 멈추세요. ' +
    '그 프로세스가 끝내지 못하고 사라졌다면, 임대가 {expiresTime}에 만료되면({seconds}초 후) 작업을 다시 쓸 수 있습니다.',
  discoveryHeldElsewhere:
    '{sinceTime}부터 {label}(호스트 {host}의 프로세스 {pid})이(가) {job}의 계정을 검색하고 있습니다. 끝나기를 기다리거나 그곳에서 취소하세요.',
  jobMissing: 'ID가 {id}인 작업이 없습니다. 삭제되었을 수 있습니다.',
  jobMissingShort: 'ID가 {id}인 작업이 없습니다.',
  jobNameTaken: '이름이 “{name}”인 작업이 이미 있습니다.',
  jobNameHeldBySetup:
    '새 작업 마법사에 이름이 “{name}”인 끝나지 않은 설정이 있습니다. 작업 페이지에서 이어서 하거나 버리거나, 다른 이름을 고르세요.',
  previewOnlyDryRuns:
    '“{name}”은(는) 새 작업 마법사의 끝나지 않은 설정입니다. 만들기 전에는 시험 실행만 할 수 있습니다.',
  previewCannotRun:
    '“{name}”은(는) 새 작업 마법사의 끝나지 않은 설정입니다. 실행하기 전에 마법사에서 만드세요.',
  notAPreview: '“{name}”은(는) 끝나지 않은 설정이 아니라 이미 만든 작업입니다. 작업 페이지에서 삭제하세요.',
  jobDeletedWhileCreating: '작업 {id}이(가) 만드는 동안 삭제되었습니다.',
  nothingHeldBack: '보류된 것이 없습니다. 이 작업은 실수로 인한 삭제 방지 임계값으로 멈춰 있지 않습니다.',
  cycleNotStartedTwice: '이 작업의 주기가 이미 실행 중이라 두 번 시작하지 않았습니다.',
  escrowEntryGone:
    '{objectType} {anchor}은(는) 이 작업에서 재시도를 기다리고 있지 않습니다(그 사이 성공했을 수 있습니다).',
  connectionMissing: 'ID가 {id}인 연결이 없습니다. 삭제되었을 수 있습니다.',
  connectionMissingShort: 'ID가 {id}인 연결이 없습니다.',
  connectionNameTaken: '이름이 “{name}”인 연결이 이미 있습니다. 다른 이름을 고르세요.',
  browseLdapOnly: '디렉터리 트리를 탐색할 수 있는 것은 LDAP 연결뿐입니다.',
  linkNeedsPause:
    '{job}은(는) 일정에 따라 실행되므로 링크가 바뀌는 동안 주기가 이 개체를 일치시킬 수 있습니다. 먼저 작업을 일시 중지한 뒤 링크를 삭제하세요.',
  discoveryAlreadyRunning: '{job}의 계정을 이미 검색하고 있습니다.',
  discoveryBusyAct: '지금 {job}의 계정을 검색하고 있습니다. 보고서가 완성된 뒤 작업하세요.',
  noAccountReport: '{job}에는 아직 계정 보고서가 없습니다. 먼저 계정을 검색하세요.',
  cycleMissing: '주기 {id}이(가) 없습니다.',
  sourceConnectionMissing:
    '작업의 원본으로 쓸 이름이 “{name}”인 연결이 없습니다. 먼저 연결을 만드세요(연결).',
  targetConnectionMissing:
    '작업의 대상으로 쓸 이름이 “{name}”인 연결이 없습니다. 먼저 연결을 만드세요(연결).',
  connectionNotASource: '“{name}”은(는) {kind} 연결이라 작업의 원본이 될 수 없습니다.',
  connectionNotATarget: '“{name}”은(는) {kind} 연결이라 작업의 대상이 될 수 없습니다.',
  connectionNamedMissing: '이름이 “{name}”인 연결이 없습니다.',
  csvNoSignInColumn:
    'CSV에 로그인 이름 열이 없습니다(userPrincipalName, email, mail 등을 찾음. 있는 열: {columns}).',
  csvNoEmployeeId: '디렉터리 항목과 일치시키려면 CSV에 직원 ID 열이 있어야 합니다.',
  noDefaultMappings: 'Roster에는 {sourceKind} 원본에서 {targetKind} 대상으로 가는 기본 매핑이 없습니다.',
  appNeedsScimTarget: '{app}은(는) SCIM 앱인데 “{name}”은(는) {kind} 연결입니다.',
  appMatchingAttributeMissing:
    '{app}은(는) {wanted}(으)로 계정을 일치시키는데, “{name}”에는 그에 맞는 특성이 없습니다. 열이나 특성을 추가하거나 Generic SCIM 2.0 프로필로 시작하세요.',
  appProfileMissing: '앱 프로필 “{id}”이(가) 없습니다(있는 프로필: {known}).',
  appProfileMissingGuess:
    '앱 프로필 “{id}”이(가) 없습니다. “{guess}”을(를) 찾으셨나요? (있는 프로필: {known})',
  sourceConnectionGone: '{job}의 원본 연결이 없어졌습니다.',
  onDemandRunIdTaken: '이 ID로 된 실행이 이미 진행 중입니다.',
};
