import type { AlertCatalog, ReasonText } from './catalog';

const escrowAction: ReasonText['action'] = () =>
  '작업의 프로비저닝 로그를 열고 실패만 걸러 보세요. 처음 몇 개의 오류가 대개 계정을 거부하는 특성이나 규칙을 ' +
  '알려 줍니다. 매핑이나 대상 앱의 설정을 고친 뒤 작업에서 지금 다시 시도를 누르세요.';

/** 한국어 알림. 키와 매개변수는 catalog-en.ts와 같습니다. */
export const alertCatalogKo: AlertCatalog = {
  locale: 'ko-KR',
  subject: {
    quarantineEntered: (w) => `Roster: ${w.job} 작업이 격리되었습니다 (${w.reason})`,
    quarantineReasonChanged: (w) =>
      `Roster: ${w.job} 작업이 계속 격리 중이며 이유가 바뀌었습니다 (${w.reason})`,
    recovered: (w) => `Roster: ${w.job} 작업이 복구되었습니다`,
    deletesHeldBack: (w) => `Roster: ${w.job} 작업의 비활성화·삭제 ${w.count}건이 보류되었습니다`,
    disabled: (w) => `Roster: ${w.job} 작업이 28일간 격리된 뒤 사용 중지되었습니다`,
  },
  heading: {
    quarantineEntered: (w) => `${w.job} 작업이 격리되었습니다`,
    quarantineReasonChanged: (w) => `${w.job}: 격리 이유가 바뀌었습니다`,
    recovered: (w) => `${w.job} 작업이 복구되었습니다`,
    deletesHeldBack: (w) => `${w.job}: 비활성화·삭제 ${w.count}건 보류됨`,
    disabled: (w) => `${w.job} 작업이 사용 중지되었습니다`,
  },
  summary: {
    quarantineEntered: (w) =>
      `Roster가 ${w.source}에서 ${w.target}(으)로의 프로비저닝을 멈추고 ${w.job} 작업을 격리했습니다 ` +
      `(${w.reason}). 원인이 해결될 때까지 6시간, 12시간, 24시간 뒤에, 그 뒤로는 하루에 한 번만 다시 시도합니다.`,
    quarantineReasonChanged: (w) =>
      `${w.job} 작업(${w.source}에서 ${w.target}(으)로)은 계속 격리 중이며, 이제 다른 이유 때문입니다: ${w.reason}.`,
    recovered: (w) =>
      `${w.job} 작업이 격리에서 벗어났습니다. 마지막 시도가 연결 확인을 통과했고 모든 임계값 아래로 끝났습니다. ` +
      `${w.source}에서 ${w.target}(으)로의 프로비저닝이 다시 평소 일정대로 실행됩니다.`,
    deletesHeldBack: (w) =>
      `${w.job} 작업의 주기가 ${w.target}에서 계정 ${w.count}개를 비활성화하거나 삭제하려 했는데, 이는 작업의 ` +
      `삭제 임계값 ${w.threshold}보다 많습니다. Roster는 그중 아무것도 실행하지 않았고, 누군가 결정할 때까지 작업을 격리했습니다.`,
    disabled: (w) =>
      `${w.job} 작업이 28일 동안 격리되어 있어(${w.reason}) Roster가 시도를 멈췄습니다. 관리자가 작업을 다시 ` +
      `시작할 때까지 ${w.source}에서 ${w.target}(으)로 아무것도 프로비저닝되지 않습니다.`,
  },
  reasons: {
    EncounteredQuarantineException: {
      short: '연결 확인 실패',
      words:
        '주기 시작 시의 연결 확인이 실패했습니다. 대상 앱이 Roster의 자격 증명을 거부했거나(HTTP 401 또는 403), ' +
        'URL이 잘못되었거나, 엔드포인트가 SCIM 2.0 서비스처럼 응답하지 않습니다.',
      action: (w) =>
        `Roster에서 연결 → ${w.target}을(를) 열어 URL을 확인하고, 토큰이나 암호가 만료되었으면 바꾼 뒤 ` +
        '연결 테스트를 누르세요. 테스트가 통과하면 작업에서 지금 다시 시도를 누르세요.',
    },
    CredentialsInvalid: {
      short: '자격 증명 거부됨',
      words:
        '대상 앱이 Roster의 자격 증명을 거부했습니다(HTTP 401 또는 403). 토큰이나 암호가 틀렸거나, 만료 또는 ' +
        '취소되었거나, 프로비저닝 권한이 없습니다.',
      action: (w) =>
        `${w.target}에서 새 토큰이나 암호를 만들어 Roster의 연결 → ${w.target}에 저장하고 연결 테스트를 누르세요. ` +
        '그런 다음 작업에서 지금 다시 시도를 누르세요.',
    },
    TargetUnreachable: {
      short: '대상에 연결할 수 없음',
      words:
        'Roster가 대상 앱에 연결하지 못했습니다. 연결이 거부되었거나 시간이 초과되었거나, 호스트 이름을 찾지 ' +
        '못했거나, 인증서를 신뢰할 수 없습니다.',
      action: (w) =>
        `${w.target}이(가) 동작 중인지, 이 컴퓨터에서 해당 URL에 연결할 수 있는지(네트워크, 프록시, 방화벽, ` +
        '인증서) 확인하세요. Roster는 스스로 계속 시도합니다. 연결되면 지금 다시 시도를 누르세요.',
    },
    EscrowThreshold: {
      short: '실패가 너무 많음',
      words:
        '프로비저닝에 실패한 개체가 너무 많아 Roster가 멈췄습니다. 대개 매핑, 필수 특성 또는 대상 앱의 규칙이 ' +
        '대부분의 계정을 거부한다는 뜻입니다.',
      action: escrowAction,
    },
    EncounteredEscrowProportionThreshold: {
      short: '실패가 너무 많음 (40% 초과)',
      words:
        '5,000개 이상의 개체가 실패하고 있으며, 이는 이 작업 개체의 40%를 넘습니다. 대개 매핑, 필수 특성 또는 ' +
        '대상 앱의 규칙이 대부분의 계정을 거부한다는 뜻입니다.',
      action: escrowAction,
    },
    EncounteredBaseEscrowThreshold: {
      short: '실패가 너무 많음 (40,000개 초과)',
      words:
        '40,000개가 넘는 개체가 프로비저닝에 실패하고 있습니다. 대개 매핑, 필수 특성 또는 대상 앱의 규칙이 ' +
        '대부분의 계정을 거부한다는 뜻입니다.',
      action: escrowAction,
    },
    EncounteredTotalEscrowThreshold: {
      short: '실패가 너무 많음 (모두 60,000건 초과)',
      words:
        '실패한 참조(관리자와 그룹 구성원)를 포함해 실패가 모두 60,000건을 넘습니다. 참조된 사람이나 그룹이 ' +
        '범위 밖이거나 대상 앱에 만들어지지 않은 경우가 많습니다.',
      action: escrowAction,
    },
    TooManyDeletes: {
      short: '삭제가 너무 많음',
      words:
        '한 주기에 비활성화하거나 삭제할 계정이 작업의 삭제 임계값보다 많아, Roster가 그중 아무것도 실행하지 않았습니다.',
      action: () =>
        'Roster에서 작업을 열어 보류된 비활성화와 삭제를 검토하세요. 예상한 것이라면(조직 개편, 정리) 삭제 허용을 ' +
        '누르세요. 그렇지 않다면 원본을 바로잡고(행이나 할당을 복원하거나 범위를 고치고) 다시 시작을 누르세요. ' +
        '보류된 항목은 버려지고 모든 것을 다시 평가합니다.',
    },
  },
  unknownReason: (code) => ({
    short: code,
    words: `Roster가 이유 코드 ${code}(으)로 작업을 멈췄습니다.`,
    action: () =>
      'Roster에서 작업을 여세요. 마지막 주기에 오류가, 프로비저닝 로그에 관련 개체가 나옵니다. 원인을 해결한 뒤 ' +
      '지금 다시 시도를 누르세요.',
  }),
  actions: {
    recovered:
      '할 일이 없습니다. 격리 중에 실패한 개체는 다음 주기들에서 다시 시도되며, 프로비저닝 로그에서 볼 수 있습니다.',
    disabled: (reasonAction) => `${reasonAction} 그런 다음 Roster에서 작업을 열어 시작을 누르세요.`,
  },
  labels: {
    job: '작업',
    source: '원본',
    target: '대상 앱',
    reason: '이유',
    recoveredFrom: '격리되었던 이유',
    detail: 'Roster가 본 내용',
    heldBack: '보류된 비활성화·삭제',
    threshold: '삭제 임계값',
    failed: '실패 중인 개체',
    referenceFailed: '실패 중인 참조',
    succeeded: '맞춰진 개체',
    quarantineBegan: '격리 시작',
    nextAttempt: '다음 시도',
    nextCycle: '다음 주기',
    at: '시각',
    whatToDo: '해야 할 일',
  },
  nextAttempt: {
    notScheduled: '예약되지 않음: 원인을 해결한 뒤 작업에서 지금 다시 시도를 누르세요',
    heldBack: '누군가 허용하거나 작업을 다시 시작할 때까지 아무것도 비활성화하거나 삭제하지 않습니다',
    disabled: '없음: 작업이 사용 중지되었습니다',
  },
  footer:
    '이 주소가 작업의 알림 이메일이라서 Roster가 보냈습니다. 주소를 바꾸거나 알림을 끄려면 작업 설정에서 하세요.',
  test: {
    subject: 'Roster: 테스트 이메일',
    heading: 'Roster가 이메일을 보낼 수 있습니다',
    body: (server) =>
      `Roster가 ${server}을(를) 통해 보낸 테스트입니다. 격리된 작업, 보류된 삭제, 복구, 사용 중지된 작업에 ` +
      '대한 알림도 같은 방법으로 도착합니다.',
  },
};
