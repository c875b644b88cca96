import { ConnectorError, type TargetConnector } from '../connectors/connector';

/** The connection check's verdict stopped the cycle; `kind` says whether it quarantines (§10.1). */
export class ConnectionCheckFailure extends ConnectorError {
  constructor(
    readonly kind: 'credentials' | 'incompatible' | 'unreachable' | 'transient',
    code: string,
    message: string,
  ) {
    super('stopCycle', code, message);
  }
}

/**
 * The connection check of §17.2, run before the first request a cycle sends — so a cycle with
 * nothing to send sends nothing at all (Roster decision: an unchanged source costs the target zero
 * requests). The check retries transient failures like any request (Retry-After honoured). Only a
 * verdict about the credentials, the endpoint or reachability stops the cycle before any write: a
 * target that is merely busy (429/5xx/timeouts still failing after the retries) lets the cycle go
 * on, and each object's own requests retry and, failing that, leave the object for the next cycle.
 */
export function checkedTarget(
  target: TargetConnector,
  check: { userMatchPath: string; groups: boolean; targetName: string },
): TargetConnector {
  let checked: Promise<void> | null = null;
  const ensure = () => {
    checked ??= target
      .testConnection({ userMatchPath: check.userMatchPath, groups: check.groups, retry: true })
      .then((result) => {
        if (!result.ok && result.error?.kind !== 'transient') {
          throw new ConnectionCheckFailure(
            result.error?.kind ?? 'unreachable',
            result.error?.code ?? 'ConnectionCheckFailed',
            `${check.targetName}: ${result.summary}`,
          );
        }
      });
    return checked;
  };
  const guarded =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await ensure();
      return fn(...args);
    };
  const readMembers = target.readMembers?.bind(target);
  const listAll = target.listAll?.bind(target);
  return {
    capabilities: () => target.capabilities(),
    ...(target.limitsConcurrency ? { limitsConcurrency: true } : {}),
    testConnection: (c) => target.testConnection(c),
    discover: () => target.discover(),
    find: guarded((type, path, value, paths) => target.find(type, path, value, paths)),
    get: guarded((type, id, paths) => target.get(type, id, paths)),
    create: guarded((type, values) => target.create(type, values)),
    update: guarded((type, id, changes) => target.update(type, id, changes)),
    setActive: guarded((type, id, active) => target.setActive(type, id, active)),
    delete: guarded((type, id) => target.delete(type, id)),
    modifyMembers: guarded((groupId, add, remove) => target.modifyMembers(groupId, add, remove)),
    ...(readMembers ? { readMembers: guarded(readMembers) } : {}),
    ...(listAll
      ? {
          async *listAll(type, paths) {
            await ensure();
            yield* listAll(type, paths);
          },
        }
      : {}),
  };
}
