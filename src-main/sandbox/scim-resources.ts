import { SCIMMY } from 'scimmy-routers';
import { maxResults } from './scim-list';
import { degressGroup, egressGroup, ingressGroup, SandboxGroupResource } from './scim-groups';
import { degressUser, egressUser, ingressUser, SandboxUserResource } from './scim-users';

let declared = false;

/**
 * Declares the sandbox's Users and Groups to SCIMMY. SCIMMY's registry is process-wide and refuses a
 * second declaration, so this runs once; the handlers find their sandbox through the request context.
 */
export function declareSandboxResources(): void {
  if (declared) return;
  // SCIMMY gives roles.type and x509Certificates.type an empty list of canonical values, which
  // rejects every type (RFC 7643 defines none), including Entra's "WindowsAzureActiveDirectoryRole".
  for (const path of ['roles.type', 'x509Certificates.type']) {
    SCIMMY.Schemas.User.definition.attribute(path).config.canonicalValues = false;
  }
  SCIMMY.Resources.declare(SandboxUserResource, {
    name: 'User',
    extensions: [{ schema: SCIMMY.Schemas.EnterpriseUser, required: false }],
    ingress: ingressUser,
    egress: egressUser,
    degress: degressUser,
  });
  SCIMMY.Resources.declare(SandboxGroupResource, {
    name: 'Group',
    ingress: ingressGroup,
    egress: egressGroup,
    degress: degressGroup,
  });
  declared = true;
}

/**
 * What the sandbox supports, for GET /ServiceProviderConfig. scimmy-routers sets its own defaults
 * (sort and bulk on) and appends its auth scheme each time a router is built, so this runs after.
 */
export function applyServiceProviderConfig(): void {
  SCIMMY.Config.set({
    documentationUri: undefined,
    patch: true,
    filter: maxResults,
    bulk: false,
    sort: false,
    etag: false,
    changePassword: false,
    authenticationSchemes: [],
  });
  SCIMMY.Config.set('authenticationSchemes', {
    type: 'oauthbearertoken',
    name: 'OAuth Bearer Token',
    description: 'The sandbox token shown in Roster, sent as Authorization: Bearer <token>',
    specUri: 'https://datatracker.ietf.org/doc/html/rfc6750',
    primary: true,
  });
}
