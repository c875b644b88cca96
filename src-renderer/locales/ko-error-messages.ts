import type { enErrorMessages } from './en-error-messages';
import { koOnDemandMessages } from './ko-on-demand-messages';
import { koVaultProblems } from './ko-vault-problems';

/** 키체인 문제의 메시지와 해결 방법을 한 문장으로(데스크톱 없는 컴퓨터용 안내는 풀어서 넣습니다). */
function koVaultRefusal(kind: Exclude<keyof typeof koVaultProblems, 'headless'>): string {
  const texts = koVaultProblems[kind];
  return `${texts.message} ${texts.remedy.replace('{headless}', koVaultProblems.headless)}`;
}

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
  notASandboxDatabase: '{path}은(는) Roster 샌드박스 데이터베이스가 아닙니다. 다른 파일을 고르세요.',
  sandboxDatabaseTooNew:
    '{path}의 샌드박스 데이터베이스는 더 새로운 버전의 Roster가 기록했습니다(스키마 {schemaVersion}, 이 버전은 {supportedVersion}까지 압니다). 새 버전의 Roster를 설치하거나 다른 파일을 고르세요.',
  databaseTooNew:
    '{path}의 데이터베이스는 더 새로운 버전의 Roster가 기록했습니다(스키마 {schemaVersion}, 이 버전은 {supportedVersion}까지 압니다). 새 버전의 Roster를 설치하거나 다른 데이터 폴더를 고르세요.',
  sandboxTokenShape: '샌드박스 토큰은 공백 없이 눈에 보이는 ASCII 문자 16~512자여야 합니다.',
  sandboxNotLoopback:
    'Roster 샌드박스는 이 컴퓨터(127.0.0.1, localhost 또는 ::1)에서만 수신합니다. “{host}”에서는 수신하지 않습니다.',
  sandboxPortRange: '샌드박스 포트는 0~65535여야 합니다. 받은 값: {port}.',
  sandboxAlreadyRunning:
    '이 프로세스에서 Roster 샌드박스가 이미 실행 중입니다({path}). 다른 샌드박스를 시작하기 전에 먼저 멈추세요.',
  sandboxPortInUse: '{host}의 포트 {port}은(는) 이미 사용 중입니다. 다른 샌드박스 포트를 고르세요.',
  sandboxTokenUnusable: 'Roster는 샌드박스 토큰을 사용하지 않습니다: {problem}',
  sandboxTokenEmpty: '샌드박스 토큰 파일 {path}이(가) 비어 있습니다.',
  sandboxTokenFixed: 'Roster 샌드박스 토큰은 Roster가 만들며 바꿀 수 없습니다.',
  secretIdUnmappable: '“{id}”은(는) Roster가 파일 이름으로 바꿀 수 있는 비밀 ID가 아닙니다.',
  jobHasProblems: '작업 “{name}”에 문제가 {count}개 있습니다. 필드별 내용: {problems}',
  scimTargetCannotDisable:
    '작업 “{job}”은(는) 퇴사자를 비활성화하도록 되어 있지만(settings.onSourceDelete가 "disable"), 대상 “{target}”은(는) 계정을 비활성화할 수 없는 앱입니다' +
    '(연결에 userDisable: "notSupported"로 되어 있어, 앱에 "active" 특성이 없고 삭제만 합니다). Roster는 비활성화하라고 한 계정을 삭제하지 않습니다. ' +
    '퇴사자의 계정을 삭제하려면 작업의 settings.onSourceDelete를 "delete"로 바꾸세요. 앱이 active=false를 받아들인다면 연결의 userDisable을 "activeFalse"로 바꾸세요.',
  ldapTargetCannotDisable:
    '작업 “{job}”은(는) 퇴사자를 비활성화하도록 되어 있지만(settings.onSourceDelete가 "disable"), 대상 “{target}”은(는) 비활성화 특성이 없는 LDAP 연결이라 Roster가 그곳의 계정을 비활성화할 수 없습니다. ' +
    '연결의 disableAttribute와 disableValue를 설정하거나(예: employeeType = disabled, 또는 ppolicy 오버레이와 함께 pwdAccountLockedTime = 000001010000Z. ' +
    "Active Directory에서는 user{'@'}domain으로 바인드하거나 userObjectClass를 user로 설정하면 Roster가 userAccountControl을 씁니다), " +
    '작업의 settings.onSourceDelete를 "delete"로 바꿔 퇴사자의 항목을 삭제하세요.',
  importConnectionKindDiffers:
    '파일의 연결 “{name}”은(는) {kind}인데, 이미 있는 연결은 {existingKind}입니다.',
  connectorFailed: '{connection}에서 문제가 생겼습니다: {problem}{location}',
  connectionNamedMissingGuess: '이름이 “{name}”인 연결이 없습니다. “{guess}”을(를) 찾으셨나요?',
  connectionNamedMissingSources: '이름이 “{name}”인 연결이 없습니다. 원본 연결: {names}.',
  connectionNamedMissingTargets: '이름이 “{name}”인 연결이 없습니다. 대상 연결: {names}.',
  connectionNamedMissingCreate: '이름이 “{name}”인 연결이 없습니다. 먼저 연결을 만드세요(연결).',
  connectionCannotBeSource:
    '“{name}”은(는) {kind} 연결이라 원본이 될 수 없습니다. 원본은 {kinds} 연결입니다.',
  connectionCannotBeTarget:
    '“{name}”은(는) {kind} 연결이라 대상이 될 수 없습니다. 대상은 {kinds} 연결입니다.',
  draftHoldsSecret:
    '초안에는 비밀을 담을 수 없는데, {paths}이(가) 비밀처럼 보입니다. 초안은 암호화하지 않고 저장되므로, 비밀은 연결에 두고(키체인에 저장됩니다) 초안에서는 빼세요.',
  draftHoldsSecrets:
    '초안에는 비밀을 담을 수 없는데, {paths}이(가) 비밀처럼 보입니다. 초안은 암호화하지 않고 저장되므로, 비밀은 연결에 두고(키체인에 저장됩니다) 초안에서는 빼세요.',
  accountReportNotStored: '내부 오류: 계정 보고서가 저장되지 않았습니다.',
  exportWroteNoFile: '내부 오류: 내보내기에서 파일이 하나도 만들어지지 않았습니다.',
  browseFailed: '“{dn}” 아래의 디렉터리를 읽을 수 없습니다: {problem}',
  browseRootFailed: '루트 아래의 디렉터리를 읽을 수 없습니다: {problem}',
  connectionSettingsInvalid: '{kind} 연결 설정이 올바르지 않습니다. 필드별 내용: {problems}',
  noSuchSecretFields: '{kind} 연결에는 비밀 필드 {fields}이(가) 없습니다(있는 필드: {allowed}).',
  noSecretFields: '{kind} 연결에는 비밀 필드 {fields}이(가) 없습니다(비밀 필드가 없는 연결입니다).',
  jobSourceConnectionGone: '이 작업의 원본 연결이 더 이상 없습니다.',
  jobConnectionGone: '이 작업이 쓰는 연결이 더 이상 없습니다.',
  connectionCannotBeSourceYet: '{kind} 연결(“{name}”)은 아직 원본이 될 수 없습니다.',
  connectionCannotBeTargetYet: '{kind} 연결(“{name}”)은 아직 대상이 될 수 없습니다.',
  connectionCannotBeBrowsed: '{kind} 연결(“{name}”)은 아직 디렉터리를 탐색할 수 없습니다.',
  cycleAboutToStart: '이 작업의 주기가 곧 시작됩니다. 끝나기를 기다리거나 취소하세요.',
  jobBusy: koOnDemandMessages.messages.jobBusy,
  jobBusyWaited: koOnDemandMessages.messages.jobBusyWaited,
  cancelledWhileWaiting: koOnDemandMessages.messages.cancelledWhileWaiting,
  vaultNoSessionBus: koVaultRefusal('noSessionBus'),
  vaultNoSecretService: koVaultRefusal('noSecretService'),
  vaultLocked: koVaultRefusal('locked'),
  vaultNoKeyring: koVaultRefusal('noKeyring'),
  vaultNoModule: koVaultRefusal('noModule'),
  vaultOther: koVaultRefusal('other'),
  vaultCredentialsDirectory: koVaultRefusal('credentialsDirectory'),
  credentialsDirUnusable: 'Roster가 지정된 자격 증명 폴더를 쓸 수 없습니다: {problem}',
  secretFileUnreadable: 'Roster는 이 비밀 파일을 읽지 않습니다: {problem}',
  secretsDirNeedsFile:
    'Roster는 자격 증명 폴더 {dir}({from}에서 지정)에서 비밀 값을 읽기만 하고 그곳에 쓰지 않는데, {path}에 아직 이 값이 없습니다. ' +
    'Roster를 실행하는 사용자로 (umask 077; cat > {path})을(를) 실행하고 값을 붙여 넣은 뒤 Ctrl+D를 누르세요. ' +
    '그런 다음 다시 저장하면 Roster가 그 파일을 쓴다고 기록합니다.',
  secretsDirNeedsCredential:
    'Roster는 자격 증명 폴더 {dir}({from}에서 지정)에서 비밀 값을 읽기만 하고 그곳에 쓰지 않는데, {path}에 아직 이 값이 없습니다. ' +
    '서비스 유닛에 LoadCredential={name}:/etc/roster/credentials/{name}(또는 LoadCredentialEncrypted=)을(를) 추가하고, 그 파일에 값을 넣은 뒤(root 소유, 모드 0600) ' +
    'systemctl daemon-reload를 실행하고 서비스를 다시 시작하세요. 그런 다음 다시 저장하면 Roster가 그 파일을 쓴다고 기록합니다.',
  secretsDirKeepsFile:
    'Roster는 자격 증명 폴더 {dir}({from}에서 지정)에서 비밀 값을 읽기만 하고 그곳의 파일을 지우지 않습니다. ' +
    '파일을 지운 뒤(rm {path}) 다시 시도하세요.',
  secretsDirKeepsCredential:
    'Roster는 자격 증명 폴더 {dir}({from}에서 지정)에서 비밀 값을 읽기만 하고 그곳의 파일을 지우지 않습니다. ' +
    '서비스 유닛에서 LoadCredential={name}: 줄을 지우고 서비스를 다시 시작한 뒤 다시 시도하세요.',
  unknownCommand: 'Roster에는 “{command}” 명령이 없습니다.',
  invalidCommandInput: '{command} 명령의 입력이 올바르지 않습니다. 필드별 내용: {problems}',
  unexpectedProblem: '{command}을(를) 실행하다가 예기치 않은 문제가 생겼습니다. 오류 원문: {error}',
};
