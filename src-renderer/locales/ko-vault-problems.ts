import type { enVaultProblems } from './en-vault-problems';

/** 시스템 키체인을 쓸 수 없는 이유와 해결 방법. 명령어는 번역하지 않고 매개변수로 그대로 넣습니다. */
export const koVaultProblems: typeof enVaultProblems = {
  headless:
    '데스크톱 세션이 없는 컴퓨터에서는 이 사용자용으로 잠금 해제된 키링을 시작하거나({keyringCommand} — dbus-user-session과 gnome-keyring을 설치하고, 암호 파일은 본인만 읽을 수 있게 모드 0600으로 두세요), ' +
    '본인만 읽을 수 있는 폴더에 비밀 값을 하나씩 파일로 넣고 {secretsDirCommand} 명령으로 실행하세요(파일 이름은 roster secret path가 알려 주며, systemd 유닛에서는 LoadCredential=을 쓸 수도 있습니다).',
  noSessionBus: {
    message: 'Roster가 데스크톱 세션 버스(D-Bus)에 연결할 수 없어 시스템 키체인을 쓸 수 없습니다.',
    remedy: '데스크톱 세션 안에서 Roster를 실행하세요. {headless}',
  },
  noSecretService: {
    message: '이 세션에서 실행 중인 키체인 서비스(Secret Service)가 없습니다.',
    remedy:
      'GNOME Keyring 또는 Secret Service를 켠 KeePassXC를 설치해 시작한 뒤 Roster를 다시 시작하세요. {headless}',
  },
  locked: {
    message: '시스템 키체인이 잠겨 있습니다.',
    remedy: '키체인의 잠금을 해제한 뒤(예: 데스크톱에 로그인하거나 Seahorse 사용) 다시 시도하세요.',
  },
  noKeyring: {
    message: '키체인 서비스는 실행 중이지만 비밀 값을 저장할 키링이 없습니다.',
    remedy:
      '기본 키링을 만들거나("암호 및 키" / Seahorse), gnome-keyring-daemon --unlock으로 데몬을 시작한 뒤 다시 시도하세요. {headless}',
  },
  noModule: {
    message: 'Roster의 키체인 모듈이 없거나 다른 런타임용으로 빌드되었습니다.',
    remedy: '네이티브 모듈이 이 컴퓨터에 맞게 다시 빌드되도록 Roster를 다시 설치하세요(npm ci).',
  },
  other: {
    message: '시스템 키체인이 요청을 거부했습니다.',
    remedy: '키체인이 실행 중이고 잠금 해제되어 있는지 확인한 뒤 다시 시도하세요.',
  },
  credentialsDirectory: {
    message: 'Roster가 지정된 자격 증명 폴더를 쓸 수 없습니다.',
    remedy: '{problem}',
  },
};
