import {
  conversionMessageParameters,
  type conversionTemplates,
} from '@shared/expressions/conversion-templates';
import { asI18nMessage } from './i18n-template';

type ConversionCode = keyof typeof conversionTemplates;

/**
 * 결과를 대상 특성의 유형으로 바꾸지 못했을 때의 한국어 문구(매핑 대화 상자의 미리 보기, 프로비저닝
 * 로그). ko-expression-messages.ts에 합쳐집니다.
 */
const texts: Record<ConversionCode, string> = {
  convertNoValue: '바꿀 값이 없습니다.',
  convertRoleList: '앱 역할 목록은 역할 함수를 거쳐야 합니다.',
  convertTooManyValues: '식이 값 {count}개를 냈지만 대상 특성에는 값이 하나만 들어갑니다.',
  convertNotBoolean: '"{value}"은(는) "True"도 "False"도 아닙니다.',
  convertNotInteger: '"{value}"은(는) 정수가 아닙니다.',
  convertNotDate: '"{value}"은(는) 날짜가 아닙니다.',
};

const parameters = new Set<string>(conversionMessageParameters);

export const koConversionMessages = Object.fromEntries(
  Object.entries(texts).map(([code, text]) => [code, asI18nMessage(text, parameters)]),
) as Record<ConversionCode, string>;
