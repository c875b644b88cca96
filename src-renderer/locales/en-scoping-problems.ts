import {
  scopingProblemParameters,
  scopingProblemTemplates,
  type ScopingMessageCode,
} from '@shared/scoping/scoping-problems';
import { asI18nMessage } from './i18n-template';

const parameters = new Set<string>(scopingProblemParameters);

/**
 * English texts of the scoping-filter problem codes, merged into en.ts as `scopingProblems`: the
 * same sentences the CLI and the save error print (src-shared/scoping/scoping-problems.ts), so the
 * two never drift. A unit test checks every code against the shared sentence and Korean.
 */
export const enScopingProblems = Object.fromEntries(
  Object.entries(scopingProblemTemplates).map(([code, template]) => [
    code,
    asI18nMessage(template, parameters),
  ]),
) as Record<ScopingMessageCode, string>;
