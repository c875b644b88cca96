import type { enErrorMessages } from './en-error-messages';

/** 거부된 명령의 문장(코드별). 영어 원문은 CLI가 그대로 출력합니다. */
export const koErrorMessages: typeof enErrorMessages = {
  cycleAlreadyRunning: '이 작업의 주기가 이미 실행 중입니다. 끝나기를 기다리거나 취소하세요.',
  jobHeldElsewhere:
    '{sinceTime}부터 {label}(호스트 {host}의 프로세스 {pid})이(가) {job}을(를) 실행하고 있습니다. 끝나기를 기다리거나 멈추세요. ' +
    '그 프로세스가 끝내지 못하고 사라졌다면, 임대가 {expiresTime}에 만료되면({seconds}초 후) 작업을 다시 쓸 수 있습니다.',
  discoveryHeldElsewhere:
    '{sinceTime}부터 {label}(호스트 {host}의 프로세스 {pid})이(가) {job}의 계정을 검색하고 있습니다. 끝나기를 기다리거나 그곳에서 취소하세요.',
};
