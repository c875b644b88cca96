/**
 * English texts of what "Test connection", target schema discovery and a source's schema origin
 * send as codes (merged into en.ts as `connectionTest`). A code not here shows the app's English.
 */
export const enConnectionTest = {
  summaries: {
    scimConnected: 'Connected to {where}: the SCIM endpoint answered as expected.',
    scimBadUrl: '{message}',
    scimNoCredentials: '{message}',
    scimCancelled: 'The check was cut short: the connection was closed before it finished.',
    scimNotJson:
      '{at} answered with something that is not SCIM JSON. Check that the tenant URL points at the app’s SCIM endpoint.',
    scimBrokenOff: '{at} answered, but the answer broke off before its end: {message}.',
    scimTooLarge:
      '{at} answered a query that should find nothing with more than 32 MB. Roster refuses answers that large; check that the tenant URL points at the app’s SCIM endpoint.',
    scimNotJsonDetail: '{at} answered with something that is not SCIM JSON: {message}.',
    scim401:
      'The SCIM server at {where} refused the credentials (HTTP 401). Check the secret token, or create a new one in the app.',
    scim403:
      'The SCIM server at {where} accepted the credentials but does not allow them to read {endpoint} (HTTP 403). Give the token provisioning rights.',
    scim404:
      'Nothing answers at {at} (HTTP 404). Check the tenant URL. A SCIM endpoint must answer a query that finds nothing with 200 and an empty list (RFC 7644 §3.4.2).',
    scimInvalidFilter:
      '{at} cannot filter on {path} (HTTP 400 invalidFilter). Roster finds existing accounts with “{path} eq …”, so the app must support that filter.',
    scimRedirect:
      '{at} redirected the request (HTTP {status}). Roster does not follow redirects with credentials; use the final SCIM address as the tenant URL.',
    scimHttpStatus: '{at} answered HTTP {status} to the test query.',
    scimHttpStatusDetail: '{at} answered HTTP {status} to the test query: {detail}.',
    scimNotList:
      '{at} answered, but not with a SCIM ListResponse: it does not look like a SCIM 2.0 endpoint.',
    scimIgnoresFilter:
      '{at} returned {count} result(s) for a random {path}: the endpoint seems to ignore filters, which Roster needs to find existing accounts.',
    netTls:
      'The TLS certificate of {host} could not be verified ({code}). If the server uses a private certificate authority, paste its certificate into the connection’s CA certificate field.',
    netDns: 'The host name {host} does not resolve. Check the tenant URL.',
    netRefused:
      'Could not connect to {host}: the connection was refused ({code}). Check the tenant URL and that the server is running.',
    netDropped:
      '{host} accepted the connection but dropped it before answering ({code}). The server or a proxy in front of it may be overloaded.',
    netTimeout: '{host} did not answer within {seconds} seconds.',
    netOther: 'Could not reach {host}: {message}',
    csvRead: '{file}: {rows} rows, {columns} columns, {encoding}, {delimiter}-separated.',
    ldapConnected: '{serverType} at {url}: bound as {bindDn}; naming context {context}.',
  },
  labels: {
    tenantUrl: 'Tenant URL',
    users: 'Users',
    groups: 'Groups',
    file: 'File',
    encoding: 'Encoding',
    delimiter: 'Delimiter',
    columns: 'Columns',
    keyColumn: 'Key column',
    rows: 'Rows',
    warnings: 'Warnings',
    warning: 'Warning',
    url: 'URL',
    boundAs: 'Bound as',
    serverType: 'Server type',
    vendor: 'Vendor',
    host: 'Host',
    namingContexts: 'Naming contexts',
    defaultNamingContext: 'Default naming context',
    supportedControls: 'Supported controls',
  },
  values: {
    emptyListAnswered: 'answered a query that finds nothing with an empty list',
    listAnswered: 'answered a list query (the server declares it cannot filter)',
    detected: '{value} (detected)',
    asSet: '{value} (as set)',
    keyRecognised: '{value} (recognised by its name)',
    noneListed: '(none listed)',
    noPagedResults: 'The server does not list the paged results control; large reads may hit its size limit.',
  },
  discovery: {
    scimNoSchema: '{name} publishes no usable schema (/Schemas: {schemas}); edit the attribute list by hand.',
    ldapNoSchema: '{name} published no attributes for its object classes; edit the attribute list by hand.',
    scimFound: '{users} User and {groups} Group attributes from /Schemas of {name}.',
    ldapFound: '{users} User and {groups} Group attributes from the subschema of {name}.',
  },
  origin: {
    csvHeader: 'header of {file}',
    directory: 'subschema and objects of {base}',
  },
};
