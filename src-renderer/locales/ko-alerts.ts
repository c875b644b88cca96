import type { enAlerts } from './en-alerts';

/** 알림 설정의 한국어 메시지 (ko.ts에 `alerts`로 합쳐집니다). */
export const koAlerts: typeof enAlerts = {
  title: '알림',
  intro:
    '작업이 격리될 때, 격리 이유가 바뀔 때, 삭제가 보류될 때, 복구될 때, 사용 중지될 때 Roster가 알려 줍니다. 받는 사람과 이메일 사용 여부는 각 작업의 설정에서 정합니다.',
  email: '이메일',
  emailEnabled: '알림 이메일 보내기',
  emailOff: 'SMTP 서버가 없으면 Roster는 데스크톱 알림만 표시합니다.',
  host: 'SMTP 서버',
  hostHelp: '스킴이나 포트 없이 호스트 이름 또는 IP 주소를 입력하세요.',
  port: '포트',
  tls: '암호화',
  tlsModes: { none: '없음', starttls: 'STARTTLS', implicit: '암시적 TLS' },
  tlsHelp: {
    none: '이 컴퓨터나 내부 네트워크의 릴레이용 일반 SMTP입니다(보통 포트 25). 이 방식으로는 암호를 보내지 않습니다.',
    starttls: '무엇이든 보내기 전에 연결을 암호화합니다(보통 포트 587).',
    implicit: '처음부터 TLS로 연결합니다(보통 포트 465).',
  },
  caCertificate: '사용자 지정 CA 인증서 (PEM)',
  caHelp: '자체 CA에서 발급한 인증서를 쓰는 서버에만 필요합니다. 인증서 확인은 항상 켜져 있습니다.',
  user: '사용자 이름',
  userHelp: '로그인이 필요 없는 릴레이라면 비워 두세요.',
  password: '암호',
  from: '보내는 주소',
  emailLanguage: '이메일 언어',
  saved: '알림 설정을 저장했습니다',
  test: {
    to: '테스트 받을 주소',
    send: '테스트 이메일 보내기',
    saveFirst: '변경 내용을 먼저 저장합니다.',
    ok: '테스트 이메일을 보냈습니다',
    failed: '테스트 이메일을 보내지 못했습니다',
    problems: {
      notConfigured: '이메일이 설정되지 않았습니다',
      connection: '서버에 연결할 수 없습니다',
      timeout: '서버가 제시간에 응답하지 않았습니다',
      tls: '암호화가 되지 않았습니다',
      certificate: '서버 인증서를 신뢰할 수 없습니다',
      auth: '서버가 로그인을 거부했습니다',
      rejected: '서버가 메시지를 거부했습니다',
      other: '보내지 못했습니다',
    },
  },
  desktop: '데스크톱 알림',
  desktopEnabled: '데스크톱 알림 표시',
  desktopHelp: '이메일과 같은 이벤트를 이 컴퓨터의 알림으로 보여 줍니다.',
  browser: {
    toggle: '이 브라우저에서 표시',
    help: '브라우저 모드에서는 Roster 탭이 열려 있는 동안 알림이 브라우저 알림으로 나타납니다.',
    denied:
      '이 브라우저가 Roster의 알림을 차단하고 있습니다. 사이트 설정(주소 왼쪽의 아이콘)에서 허용한 뒤 다시 켜세요.',
    unsupported: '이 브라우저는 알림을 표시할 수 없습니다.',
  },
};
