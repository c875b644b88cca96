import { vaultProblemTemplates } from '@shared/domain/vault-problem-texts';
import type { VaultProblemKind } from '@shared/domain/app-info';
import { asI18nMessage } from './i18n-template';

/**
 * English for why the keychain cannot be used (merged into en.ts as `vaultProblems`), made from the
 * templates the main process fills (src-shared/domain/vault-problem-texts.ts), so the app says
 * exactly what the CLI says. The commands are parameters: `{keyringCommand}`, `{secretsDirCommand}`.
 */
const parameters = new Set(['headless', 'problem', 'keyringCommand', 'secretsDirCommand']);
const texts = (kind: VaultProblemKind) => ({
  message: asI18nMessage(vaultProblemTemplates[kind].message, parameters),
  remedy: asI18nMessage(vaultProblemTemplates[kind].remedy, parameters),
});

export const enVaultProblems = {
  headless: asI18nMessage(vaultProblemTemplates.headless, parameters),
  noSessionBus: texts('noSessionBus'),
  noSecretService: texts('noSecretService'),
  locked: texts('locked'),
  noKeyring: texts('noKeyring'),
  noModule: texts('noModule'),
  other: texts('other'),
  credentialsDirectory: texts('credentialsDirectory'),
};
