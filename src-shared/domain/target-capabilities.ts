import { z } from 'zod';
import type { ConnectionKind } from './connections';
import type { ScimDialect } from './scim-dialect';

/** What the job settings form asks of a target connection before offering a choice it cannot keep. */
export const targetCapabilitiesInputSchema = z
  .object({ targetConnection: z.string().min(1).max(200) })
  .strict();

/**
 * How a target disables an account: SCIM `active=false`, Active Directory's userAccountControl, an
 * LDAP attribute/value pair the connection names, or not at all (an LDAP connection without one).
 */
export type DisableMethod = 'scimActive' | 'activeDirectory' | 'ldapAttribute' | 'none';

export interface TargetCapabilities {
  kind: ConnectionKind;
  canDisable: boolean;
  disableMethod: DisableMethod;
  /** The LDAP attribute and value written to disable (method `ldapAttribute`). */
  disableAttribute?: string;
  disableValue?: string;
  /** A SCIM connection's own request shape: what a job without `scimProfile` speaks. */
  requestShape?: ScimDialect;
}
