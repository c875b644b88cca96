import type { enProvisioning } from './en-provisioning';

/** 작업, 프로비저닝 로그, 계획, 보고서, 샌드박스의 한국어 메시지 (ko.ts에 `provisioning`으로 합쳐집니다). */
export const koProvisioning: typeof enProvisioning = {
  tryDemo: '데모 데이터로 시험하기',
};
