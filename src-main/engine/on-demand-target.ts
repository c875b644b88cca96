import type { MatchQuery } from '@shared/domain/on-demand';
import type { TargetConnector } from '../connectors/connector';

/**
 * The job's target, with every query reported as it is answered: the Match step of provision on
 * demand (§13) lists each matching value queried and the target objects found. Everything else
 * passes through untouched.
 */
export function observedTarget(
  target: TargetConnector,
  onFind: (query: MatchQuery) => void,
): TargetConnector {
  const readMembers = target.readMembers?.bind(target);
  return {
    capabilities: () => target.capabilities(),
    ...(target.limitsConcurrency ? { limitsConcurrency: true } : {}),
    testConnection: (check) => target.testConnection(check),
    discover: () => target.discover(),
    async find(type, path, value, paths) {
      const found = await target.find(type, path, value, paths);
      onFind({
        attribute: path,
        value,
        found: found.map((f) => ({ id: f.id, displayName: f.displayName ?? null })),
      });
      return found;
    },
    get: (type, id, paths) => target.get(type, id, paths),
    create: (type, values) => target.create(type, values),
    update: (type, id, changes) => target.update(type, id, changes),
    setActive: (type, id, active) => target.setActive(type, id, active),
    delete: (type, id) => target.delete(type, id),
    modifyMembers: (groupId, add, remove) => target.modifyMembers(groupId, add, remove),
    ...(readMembers ? { readMembers } : {}),
  };
}
