import { refusal } from '@shared/domain/error-messages';

/**
 * A draft is stored in SQLite as plain JSON; secrets live only in the keychain (ARCHITECTURE.md §6).
 * Keys are compared normalised (lower case, letters and digits only), so `bearer_token`, `BearerToken`
 * and `bearer-token` are all caught.
 */
const secretNames = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'bindpassword',
  'bindpw',
  'bindcredentials',
  'credentials',
  'secret',
  'clientsecret',
  'token',
  'bearertoken',
  'accesstoken',
  'refreshtoken',
  'apitoken',
  'apikey',
  'authorization',
  'privatekey',
  'secrets',
]);
const secretEndings = ['password', 'passwd', 'secret', 'token', 'apikey', 'privatekey'];

/** Whether an object key names a secret (`bindPassword`, `clientSecret`, `bearerToken`, `apiKey`…). */
export function looksLikeSecretKey(key: string): boolean {
  const normalised = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return secretNames.has(normalised) || secretEndings.some((end) => normalised.endsWith(end));
}

function pathOf(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** Every place in `value` whose key looks like a secret, as JSON paths from `root`. */
export function secretKeyPaths(value: unknown, root: string): string[] {
  const found: string[] = [];
  const visit = (node: unknown, path: string, depth: number): void => {
    // Deeper than any wizard state; a cycle cannot occur in parsed JSON, this only bounds the work.
    if (depth > 64 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, pathOf(path, index), depth + 1));
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      const childPath = pathOf(path, key);
      if (looksLikeSecretKey(key)) found.push(childPath);
      else visit(child, childPath, depth + 1);
    }
  };
  visit(value, root, 0);
  return found;
}

/** Refuses draft data holding a secret-looking key, naming each place. */
export function assertNoSecrets(data: Record<string, unknown>): void {
  const paths = secretKeyPaths(data, 'data');
  if (paths.length === 0) return;
  throw refusal(
    'invalidInput',
    paths.length === 1 ? 'draftHoldsSecret' : 'draftHoldsSecrets',
    { paths: paths.join(', ') },
    {
      issues: paths.map((path) => ({
        path,
        message: 'Looks like a secret: drafts never hold secrets',
      })),
    },
  );
}
