import type { enJobSettings } from './en-job-settings';

/** 작업 설정 양식과 작업 페이지 "설정" 탭의 한국어 메시지 (ko.ts에 `jobSettings`로 합쳐집니다). */
export const koJobSettings: typeof enJobSettings = {
  sections: {
    who: '프로비저닝 대상',
    schedule: '실행 시점',
    leavers: '퇴사자 처리',
    guards: '안전 장치',
    requests: '대상으로 보내는 요청',
    notifications: '알림',
  },
  scope: {
    label: '범위',
    all: '원본의 모든 사용자와 그룹',
    assigned: '할당된 사용자와 그룹만',
    help: '“할당된”을 고르면 아래에서 고른 사용자와 그룹(및 할당된 그룹의 구성원)만 프로비저닝합니다. 범위 지정 필터는 어느 쪽이든 추가로 적용됩니다.',
  },
  assignments: {
    users: '할당된 사용자',
    groups: '할당된 그룹',
    searchUsers: '할당할 사용자를 원본에서 검색',
    searchGroups: '할당할 그룹을 원본에서 검색',
    remove: '{name} 제거',
    count: '할당 없음 | 1개 할당됨 | {count}개 할당됨',
    searchHint: '원본에 이 종류의 개체가 {count}개 있습니다',
    nothingAssigned:
      '할당된 대상이 없어 이 작업은 아무도 프로비저닝하지 않습니다. 사용자나 그룹을 할당하거나 “원본의 모든 사용자와 그룹”을 고르세요.',
  },
  expandNestedGroups: {
    label: '중첩 그룹의 구성원 포함',
    help: '할당된 그룹 안에 있는 그룹의 구성원도 깊이와 관계없이 할당됩니다.',
  },
  intervalMinutes: {
    label: '실행 간격',
    suffix: '분',
    help: '시작된 작업은 이 간격마다 증분 주기를 실행합니다. 간격은 이전 주기의 시작 시각부터 셉니다(1~1440분).',
  },
  watchSource: {
    label: '원본이 바뀌면 실행',
    help: '작업이 시작된 동안 CSV 파일이나 디렉터리가 바뀌면 바로 주기를 시작하므로, 퇴사자는 다음 간격이 아니라 1분 안에 접근 권한을 잃습니다.',
  },
  onSourceDelete: {
    label: '원본이나 범위에서 빠진 사람의 계정',
    disable: '계정 사용 안 함',
    delete: '계정 삭제',
    disableHelp: '계정은 대상에 사용 안 함 상태로 남고, 그 사람이 돌아오면 다시 사용하도록 바뀝니다.',
    deleteHelp: '대상에서 계정을 삭제합니다. 돌아온 사람은 새 계정을 받습니다.',
    disableUnavailable: '사용 안 함 (이 대상에서는 불가능)',
  },
  capabilities: {
    scimActive: '이 대상은 active를 false로 설정해 계정을 사용 안 함으로 바꿉니다.',
    activeDirectory: '이 대상은 userAccountControl로 계정을 사용 안 함으로 바꿉니다(Active Directory).',
    ldapAttribute: '이 대상은 {attribute} = {value}을(를) 기록해 계정을 사용 안 함으로 바꿉니다.',
    ldapAttributeOnly: '이 대상은 {attribute}을(를) 기록해 계정을 사용 안 함으로 바꿉니다.',
    cannotTitle: '이 대상은 계정을 사용 안 함으로 바꿀 수 없습니다',
    cannotBody:
      '“{target}”은(는) 사용 안 함 특성이 없는 LDAP 연결입니다. “계정 삭제”를 고르거나, 연결에 사용 안 함 특성과 값(예: employeeType = disabled)을 지정하세요. 사용 안 함을 고른 계정을 Roster가 삭제하는 일은 없습니다.',
    skippedNote: '아래에서 범위 밖 삭제를 건너뛰도록 했으므로 퇴사자의 계정은 그대로 남습니다.',
    loading: '대상이 지원하는 기능을 확인하는 중…',
    failed: '대상이 지원하는 기능을 확인하지 못했습니다: {message}',
  },
  skipOutOfScopeDeletions: {
    label: '퇴사자의 계정을 그대로 두기',
    help: '원본이나 범위에서 빠진 개체를 사용 안 함으로 바꾸지도, 삭제하지도 않습니다. 새 범위 지정 필터를 시험할 때 쓰세요.',
  },
  preventAccidentalDeletes: {
    label: '실수로 인한 삭제 방지',
    help: '한 주기에서 임계값보다 많은 계정을 사용 안 함으로 바꾸거나 삭제하려 하면, Roster가 이를 보류하고 허용할 때까지 기다립니다.',
  },
  deletionThreshold: {
    label: '삭제 임계값',
    suffix: '개 계정',
    help: '보류하기 전에 한 주기에서 허용하는 사용 안 함과 삭제의 최대 수입니다.',
  },
  maxSourceShrinkPercent: {
    label: '원본이 이 비율보다 많이 줄면 중지',
    suffix: '%',
    help: '전체 읽기에서 연결된 개체 중 이 비율이 한꺼번에 사라지면 내보내기가 잘못된 것으로 보고, 아무것도 쓰기 전에 주기를 멈춥니다. 0이면 조금만 줄어도 멈추고, 100이면 멈추지 않습니다.',
  },
  scimProfile: {
    label: '요청 형식',
    connection: '연결 설정 따름 ({shape})',
    connectionUnknown: '연결 설정 따름',
    help: '이 작업이 보내는 요청의 형식입니다. 일부 앱은 Entra ID가 보내는 형식만 받습니다.',
    notScim: '요청 형식은 SCIM 대상에만 있습니다. 이 대상은 LDAP입니다.',
  },
  dialects: {
    scim2: 'SCIM 2.0 (RFC 7644)',
    'entra-2020': 'Entra ID 호환 (aadOptscim062020)',
    salesforce: 'Salesforce (구성원 추가 형식)',
    'entra-legacy': 'Entra ID 호환 (레거시)',
  },
  maxRequestsPerSecond: {
    label: '초당 요청 수',
    suffix: '회/초',
    help: 'Roster가 SCIM 대상에 1초에 보내는 요청의 최대 수입니다(0 초과, 1000 이하). 429 응답을 받으면 더 느려집니다.',
    ldap: 'LDAP 대상에는 이 설정이 적용되지 않습니다.',
  },
  maxConcurrency: {
    label: '동시 요청 수',
    help: '동시에 보내는 요청(SCIM) 또는 디렉터리 작업(LDAP)의 수입니다(1~64). 대상이 버거워하면 낮추세요.',
  },
  maxMembersPerPatch: {
    label: '요청당 구성원 수',
    help: '요청 하나로 추가하거나 제거하는 그룹 구성원의 최대 수입니다(1~10000). SCIM 서버의 한도가 더 낮으면 그 한도를 따릅니다.',
  },
  notificationEmail: {
    label: '알림 이메일',
    placeholder: "예: it-alerts{'@'}example.com",
    help: '이 작업의 알림(격리, 보류된 삭제)을 받을 주소입니다. 설정에서 지정한 SMTP 서버로 보냅니다.',
  },
  notifyOnFailure: {
    label: '작업이 실패하면 이메일 보내기',
    help: '작업이 격리되거나 삭제를 보류하면 위 주소로 이메일을 보냅니다.',
  },
  problems: {
    required: '숫자를 입력하세요.',
    notInteger: '정수를 입력하세요.',
    outOfRange: '{min}에서 {max} 사이의 숫자를 입력하세요.',
    aboveRange: '{min}보다 크고 {max} 이하인 숫자를 입력하세요.',
    atLeast: '{min} 이상의 숫자를 입력하세요.',
    invalidEmail: '“{email}”은(는) 이메일 주소가 아닙니다.',
    notifyNeedsEmail: '보낼 주소를 입력하거나 실패 이메일을 끄세요.',
    cannotDisable:
      '이 대상은 계정을 사용 안 함으로 바꿀 수 없습니다. “계정 삭제”를 고르거나 연결에 사용 안 함 특성을 지정하세요.',
    summary: '문제 없음 | 저장하기 전에 고칠 문제 1개 | 저장하기 전에 고칠 문제 {count}개',
  },
  tab: {
    title: '설정',
    intro:
      '모든 변경은 먼저 원본과 대조해 확인합니다. 저장하기 전에 어떤 일이 일어날지 보여 주며, 감사 로그에 변경 전후가 남습니다.',
    save: '영향 확인 후 저장',
    reset: '변경 취소',
    saved: '{name}의 설정을 저장했습니다.',
    impactTitle: '{name}의 설정을 저장할까요?',
    unchanged: '저장할 변경이 없습니다.',
  },
};
