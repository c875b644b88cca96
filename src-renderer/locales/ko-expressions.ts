import type { enExpressions } from './en-expressions';

/** 식 편집기와 플레이그라운드의 한국어 메시지 (ko.ts에 `expressions`로 합쳐집니다). */
export const koExpressions: typeof enExpressions = {
  playgroundTitle: '식 플레이그라운드',
  playgroundLink: '예제 개체로 특성 매핑 식을 시험해 봅니다',
};
