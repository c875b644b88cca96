import { refusal } from '@shared/domain/error-messages';
import { closestMatch } from '@shared/expressions/suggest';
import type { ConnectionKind } from '@shared/domain/connections';
import type { ConnectionRecord } from '../../store/connections-repo';
import type { AppContext } from '../context';

/**
 * The connection an editor names, or an invalidInput error on `field` that says which connections
 * exist ("did you mean") and which kinds fit the role.
 */
export function connectionForRole(
  ctx: AppContext,
  name: string,
  role: 'source' | 'target',
  field: string,
): ConnectionRecord {
  const kinds: readonly ConnectionKind[] = role === 'source' ? ['csv', 'ldap'] : ['scim', 'ldap'];
  const connection = ctx.store.connections.findByName(name);
  if (!connection) {
    const names = ctx.store.connections
      .list()
      .filter((c) => kinds.includes(c.kind))
      .map((c) => c.name);
    const guess = closestMatch(name, names);
    const listed = role === 'source' ? 'connectionNamedMissingSources' : 'connectionNamedMissingTargets';
    throw refusal(
      'invalidInput',
      guess ? 'connectionNamedMissingGuess' : names.length > 0 ? listed : 'connectionNamedMissingCreate',
      { name, ...(guess ? { guess } : {}), names: names.map((n) => `"${n}"`).join(', ') },
      {
        issues: [
          {
            path: field,
            message: guess ? `No such connection; did you mean "${guess}"?` : 'No such connection',
            code: guess ? 'noSuchConnectionGuess' : 'noSuchConnection',
            params: guess ? { name, guess } : { name },
          },
        ],
      },
    );
  }
  if (!kinds.includes(connection.kind)) {
    throw refusal(
      'invalidInput',
      role === 'source' ? 'connectionCannotBeSource' : 'connectionCannotBeTarget',
      {
        name,
        kind: connection.kind.toUpperCase(),
        kinds: kinds.map((k) => k.toUpperCase()).join(' or '),
      },
      {
        issues: [
          {
            path: field,
            message: `A ${connection.kind.toUpperCase()} connection cannot be a ${role}`,
            code: 'wrongConnectionKind',
            params: { kind: connection.kind.toUpperCase(), role },
          },
        ],
      },
    );
  }
  return connection;
}
