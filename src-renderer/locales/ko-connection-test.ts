import type { enConnectionTest } from './en-connection-test';

/** 연결 테스트, 대상 스키마 검색, 원본 스키마 출처의 한국어 문구 (ko.ts에 `connectionTest`로 합쳐집니다). */
export const koConnectionTest: typeof enConnectionTest = {
  summaries: {
    scimConnected: '{where}에 연결했습니다. SCIM 엔드포인트가 예상대로 응답했습니다.',
    scimBadUrl: '{message}',
    scimNoCredentials: '{message}',
    scimCancelled: '확인이 중간에 끊겼습니다. 끝나기 전에 연결이 닫혔습니다.',
    scimNotJson:
      '{at}이(가) SCIM JSON이 아닌 내용으로 응답했습니다. 테넌트 URL이 앱의 SCIM 엔드포인트를 가리키는지 확인하세요.',
    scimBrokenOff: '{at}이(가) 응답했지만 응답이 끝나기 전에 끊겼습니다: {message}.',
    scimTooLarge:
      '{at}이(가) 아무것도 찾지 않아야 하는 쿼리에 32MB가 넘는 응답을 보냈습니다. Roster는 그렇게 큰 응답을 받지 않습니다. 테넌트 URL이 앱의 SCIM 엔드포인트를 가리키는지 확인하세요.',
    scimNotJsonDetail: '{at}이(가) SCIM JSON이 아닌 내용으로 응답했습니다: {message}.',
    scim401:
      '{where}의 SCIM 서버가 자격 증명을 거부했습니다(HTTP 401). 비밀 토큰을 확인하거나 앱에서 새 토큰을 만드세요.',
    scim403:
      '{where}의 SCIM 서버가 자격 증명은 받아들였지만 {endpoint}을(를) 읽도록 허용하지 않습니다(HTTP 403). 토큰에 프로비저닝 권한을 주세요.',
    scim404:
      '{at}에서 아무것도 응답하지 않습니다(HTTP 404). 테넌트 URL을 확인하세요. SCIM 엔드포인트는 아무것도 찾지 않는 쿼리에 200과 빈 목록으로 응답해야 합니다(RFC 7644 §3.4.2).',
    scimInvalidFilter:
      '{at}이(가) {path}(으)로 필터링할 수 없습니다(HTTP 400 invalidFilter). Roster는 “{path} eq …”로 기존 계정을 찾으므로 앱이 이 필터를 지원해야 합니다.',
    scimRedirect:
      '{at}이(가) 요청을 리디렉션했습니다(HTTP {status}). Roster는 자격 증명을 가진 리디렉션을 따르지 않습니다. 최종 SCIM 주소를 테넌트 URL로 쓰세요.',
    scimHttpStatus: '{at}이(가) 테스트 쿼리에 HTTP {status}(으)로 응답했습니다.',
    scimHttpStatusDetail: '{at}이(가) 테스트 쿼리에 HTTP {status}(으)로 응답했습니다: {detail}.',
    scimNotList: '{at}이(가) 응답했지만 SCIM ListResponse가 아닙니다. SCIM 2.0 엔드포인트로 보이지 않습니다.',
    scimIgnoresFilter:
      '{at}이(가) 임의의 {path}에 대해 결과 {count}개를 돌려주었습니다. 엔드포인트가 필터를 무시하는 것 같습니다. Roster는 기존 계정을 찾는 데 필터가 필요합니다.',
    netTls:
      '{host}의 TLS 인증서를 확인할 수 없습니다({code}). 서버가 사설 인증 기관을 쓴다면 그 인증서를 연결의 CA 인증서 필드에 붙여 넣으세요.',
    netDns: '호스트 이름 {host}을(를) 찾을 수 없습니다. 테넌트 URL을 확인하세요.',
    netRefused:
      '{host}에 연결할 수 없습니다. 연결이 거부되었습니다({code}). 테넌트 URL과 서버가 실행 중인지 확인하세요.',
    netDropped:
      '{host}이(가) 연결을 받았지만 응답하기 전에 끊었습니다({code}). 서버나 그 앞의 프록시가 과부하일 수 있습니다.',
    netTimeout: '{host}이(가) {seconds}초 안에 응답하지 않았습니다.',
    netOther: '{host}에 연결할 수 없습니다: {message}',
    csvRead: '{file}: 행 {rows}개, 열 {columns}개, {encoding}, {delimiter} 구분.',
    ldapConnected: '{url}의 {serverType}: {bindDn}(으)로 바인딩, 명명 컨텍스트 {context}.',
  },
  labels: {
    tenantUrl: '테넌트 URL',
    users: '사용자',
    groups: '그룹',
    file: '파일',
    encoding: '인코딩',
    delimiter: '구분 기호',
    columns: '열',
    keyColumn: '키 열',
    rows: '행',
    warnings: '경고',
    warning: '경고',
    url: 'URL',
    boundAs: '바인딩 계정',
    serverType: '서버 유형',
    vendor: '공급업체',
    host: '호스트',
    namingContexts: '명명 컨텍스트',
    defaultNamingContext: '기본 명명 컨텍스트',
    supportedControls: '지원 컨트롤',
  },
  values: {
    emptyListAnswered: '아무것도 찾지 않는 쿼리에 빈 목록으로 응답함',
    listAnswered: '목록 쿼리에 응답함 (서버가 필터를 지원하지 않는다고 밝힘)',
    detected: '{value} (감지됨)',
    asSet: '{value} (설정값)',
    keyRecognised: '{value} (이름으로 인식함)',
    noneListed: '(목록 없음)',
    noPagedResults:
      '서버가 페이지 결과 컨트롤을 제공하지 않습니다. 많은 항목을 읽으면 크기 제한에 걸릴 수 있습니다.',
  },
  discovery: {
    scimNoSchema:
      '{name}이(가) 쓸 수 있는 스키마를 게시하지 않습니다(/Schemas: {schemas}). 속성 목록을 직접 편집하세요.',
    ldapNoSchema: '{name}이(가) 개체 클래스의 속성을 게시하지 않았습니다. 속성 목록을 직접 편집하세요.',
    scimFound: '{name}의 /Schemas에서 사용자 속성 {users}개, 그룹 속성 {groups}개.',
    ldapFound: '{name}의 하위 스키마에서 사용자 속성 {users}개, 그룹 속성 {groups}개.',
  },
  origin: {
    csvHeader: '{file}의 머리글',
    directory: '{base}의 하위 스키마와 개체',
  },
};
