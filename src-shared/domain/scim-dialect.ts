import { z } from 'zod';

/**
 * The request dialects a SCIM target can be spoken to in (issue 12, item 3; the E-list in
 * docs/scim-dialects.md): `scim2` follows RFC 7644, `entra-2020` reproduces what Entra ID sends with
 * the `aadOptscim062020` tenant-URL flag, `entra-legacy` what it sends by default, and `salesforce`
 * is `scim2` with members added in the one shape Salesforce documents. An app built
 * against Entra's output may accept only the shapes Entra sends, so the dialect is chosen per
 * connection (and per job), never guessed from the vendor.
 */
export const scimDialects = ['scim2', 'entra-2020', 'entra-legacy', 'salesforce'] as const;
export const scimDialectSchema = z.enum(scimDialects);
export type ScimDialect = z.infer<typeof scimDialectSchema>;
