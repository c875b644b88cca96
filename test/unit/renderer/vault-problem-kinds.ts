import type { VaultProblemKind } from '@shared/domain/app-info';

/** Every kind, checked by the compiler: a new kind fails to compile here until it is listed. */
const kinds: Record<VaultProblemKind, true> = {
  noSessionBus: true,
  noSecretService: true,
  locked: true,
  noKeyring: true,
  noModule: true,
  credentialsDirectory: true,
  other: true,
};
export const vaultProblemKinds = Object.keys(kinds) as VaultProblemKind[];
