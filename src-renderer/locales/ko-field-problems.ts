import type { enFieldProblems } from './en-field-problems';

/** 설정 양식의 필드 문제(코드별). 영어 원문은 앱과 CLI가 그대로 출력합니다. */
export const koFieldProblems: typeof enFieldProblems = {
  required: '필수 항목입니다',
  connectionNameMissing: '연결 이름을 입력하세요',
  pemCertificate: 'PEM 인증서를 붙여 넣으세요(-----BEGIN CERTIFICATE-----로 시작합니다)',
  ldapUrl: 'ldap://호스트:포트 또는 ldaps://호스트:포트 형식으로 입력하세요',
  startTlsWithLdaps: 'StartTLS는 ldap:// URL용입니다. ldaps://는 이미 암호화되어 있습니다',
  httpsUrl: 'https:// URL을 사용하세요(암호화되지 않은 http://는 이 컴퓨터에만 허용됩니다)',
  putOnlyNeedsGroupMembers:
    'PUT만 쓰는 앱은 그룹을 읽을 때 그룹 구성원을 돌려주어야 합니다. PUT은 그 읽은 내용으로 구성원 목록 전체를 다시 씁니다',
  basicNeedsUserName: '기본 인증에는 사용자 이름이 필요합니다',
  oauthNeedsTokenUrl: 'OAuth 2에는 토큰 URL이 필요합니다',
  oauthNeedsClientId: 'OAuth 2에는 클라이언트 ID가 필요합니다',
  multiValueNeedsSeparator: '다중 값 열에는 구분자가 필요합니다',
  statusDisabledAndSoftDeleted: '“{value}”이(가) 사용 안 함 상태와 일시 삭제 상태 양쪽에 들어 있습니다',
  managerColumnIsKeyColumn: '관리자 열은 키 열과 같을 수 없습니다',
  smtpHostName: '스킴이나 포트 없이 호스트 이름 또는 IP 주소를 입력하세요',
  emailAddress: "alerts{'@'}example.com 같은 이메일 주소를 입력하세요",
  smtpCredentialsNeedTls:
    '사용자 이름과 암호는 암호화 없이 보내지 않습니다. STARTTLS 또는 암시적 TLS를 고르세요',
  smtpCaNeedsTls: 'CA 인증서는 STARTTLS 또는 암시적 TLS에서만 쓰입니다',
  passwordNeedsUserName: '암호에는 사용자 이름이 필요합니다',
  unknownSecretField: '알 수 없는 비밀 필드입니다',
  invalidType: '값의 형식이 올바르지 않습니다. {expected}이(가) 필요한데 {received}이(가) 들어왔습니다',
  invalidValue: '값이 올바르지 않습니다. {expected}이어야 합니다',
  invalidOption: '허용되지 않는 값입니다. 다음 중 하나여야 합니다: {options}',
  stringTooShort: '{minimum}자 이상 입력하세요',
  stringTooLong: '{maximum}자 이하로 입력하세요',
  listTooShort: '{minimum}개 이상이어야 합니다',
  listTooLong: '{maximum}개 이하여야 합니다',
  numberTooSmall: '{minimum} 이상이어야 합니다',
  numberTooBig: '{maximum} 이하여야 합니다',
  notInteger: '정수를 입력하세요',
  patternMismatch: '형식이 올바르지 않습니다(패턴: {pattern})',
  invalidEmail: '이메일 주소가 올바르지 않습니다',
  invalidUrl: 'URL이 올바르지 않습니다',
  unknownKeySuggestion: '“{key}”은(는) 알 수 없는 키입니다. “{suggestion}”을(를) 찾으셨나요?',
  unknownKeyKnownList: '“{key}”은(는) 알 수 없는 키입니다(여기서 쓸 수 있는 키: {known})',
  unknownKeyIsSecret:
    '“{key}”: {key}은(는) 비밀 값입니다. 비밀 값은 설정이나 파일에 두지 않습니다. {key}은(는) 시스템 키체인에 저장하세요: ' +
    '`roster secret set <connection> {key}`(값은 표준 입력에서 읽습니다) 또는 앱에서 저장합니다.',
  unknownKeySecretGuess:
    '“{key}”은(는) 알 수 없는 키입니다. “{field}”을(를) 찾으셨나요? 그것은 비밀 값입니다. 비밀 값은 설정이나 파일에 ' +
    '두지 않습니다. {field}은(는) 시스템 키체인에 저장하세요: `roster secret set <connection> {field}`(값은 표준 ' +
    '입력에서 읽습니다) 또는 앱에서 저장합니다.',
  unknownKeys: '알 수 없는 키가 있습니다. {detail}',
  otherProblem: '{detail}',
};
