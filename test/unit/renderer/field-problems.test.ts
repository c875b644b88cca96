import { describe, expect, it } from 'vitest';
import {
  fieldProblemCodes,
  fieldProblemTemplates,
  fieldProblemText,
  type FieldProblemCode,
  type FieldProblemParams,
} from '@shared/domain/validation-issue-codes';
import { createRosterI18n } from '../../../src-renderer/locales';
import { ApiError } from '../../../src-renderer/api/api-error';

/** Sample parameters for every code that has some; the rest render without. */
const sampleParams: Partial<Record<FieldProblemCode, FieldProblemParams>> = {
  statusDisabledAndSoftDeleted: { value: 'Gone {x} @ | 1' },
  invalidType: { expected: 'number', received: 'string' },
  invalidValue: { expected: '"scim2"' },
  invalidOption: { options: '"bearer"|"oauth2"' },
  stringTooShort: { minimum: 1 },
  stringTooLong: { maximum: 253 },
  listTooShort: { minimum: 1 },
  listTooLong: { maximum: 50 },
  numberTooSmall: { minimum: 1 },
  numberTooBig: { maximum: 600 },
  patternMismatch: { pattern: '/^[a-z]+$/' },
  unknownKeySuggestion: { key: 'baseUrll', suggestion: 'baseUrl' },
  unknownKeyKnownList: { key: 'zzz', known: 'baseUrl, authType' },
  unknownKeyIsSecret: { key: 'bearerToken' },
  unknownKeySecretGuess: { key: 'api_key', field: 'bearerToken' },
  unknownKeys: { detail: '"a": unknown key — did you mean "b"?\n"c": unknown key — did you mean "d"?' },
  otherProblem: { detail: 'Too small: expected number to be >5' },
};

function render(language: 'en' | 'ko', code: FieldProblemCode): string {
  const { t } = createRosterI18n(language).global;
  return t(`fieldProblems.${code}`, sampleParams[code] ?? {});
}

describe('field problems in the renderer', () => {
  it.each(fieldProblemCodes)('%s: English is the shared template, byte for byte', (code) => {
    expect(render('en', code)).toBe(fieldProblemText(code, sampleParams[code]));
  });

  it.each(fieldProblemCodes.filter((code) => code !== 'otherProblem'))(
    '%s: Korean is translated, with its parameters',
    (code) => {
      const korean = render('ko', code);
      expect(korean).toMatch(/[가-힣]/);
      expect(korean).not.toBe(fieldProblemTemplates[code]);
      for (const value of Object.values(sampleParams[code] ?? {})) expect(korean).toContain(String(value));
    },
  );

  it('says the old English of the connection form’s own checks, unchanged', () => {
    expect(render('en', 'connectionNameMissing')).toBe('Give the connection a name');
    expect(render('en', 'httpsUrl')).toBe(
      'Use an https:// URL (plain http:// is allowed only for this computer)',
    );
    expect(render('en', 'emailAddress')).toBe('Enter an email address such as alerts@example.com');
    expect(render('ko', 'emailAddress')).toBe('alerts@example.com 같은 이메일 주소를 입력하세요');
  });

  it('keeps the code and params the app sent beside each message, and fieldIssues as before', () => {
    const error = new ApiError({
      code: 'invalidInput',
      message: 'invalid',
      details: {
        issues: [
          {
            path: 'settings.username',
            message: 'Basic authentication needs a user name',
            code: 'basicNeedsUserName',
            params: {},
          },
          { path: 'name', message: 'Already in use' },
          { path: 'settings.x', message: 'odd', code: 'noSuchCode', params: {} },
          { path: 'secrets.tokn', message: 'Unknown secret field' },
        ],
      },
    });
    expect(error.fieldIssues).toEqual({
      'settings.username': 'Basic authentication needs a user name',
      name: 'Already in use',
      'settings.x': 'odd',
      'secrets.tokn': 'Unknown secret field',
    });
    expect(error.fieldProblems).toEqual({
      'settings.username': {
        path: 'settings.username',
        message: 'Basic authentication needs a user name',
        code: 'basicNeedsUserName',
        params: {},
      },
      name: {
        path: 'name',
        message: 'Already in use',
        code: 'otherProblem',
        params: { detail: 'Already in use' },
      },
      'settings.x': { path: 'settings.x', message: 'odd', code: 'otherProblem', params: { detail: 'odd' } },
      'secrets.tokn': {
        path: 'secrets.tokn',
        message: 'Unknown secret field',
        code: 'unknownSecretField',
        params: {},
      },
    });
  });
});
