import type { AccountClass, AccountNote } from '@shared/domain/accounts';
import type { ObjectType } from '@shared/domain/schema';
import type { TargetObjectState } from '../../connectors/connector';
import type { NewAccountRow } from '../../store/accounts-repo';
import { isInactive } from '../object-mappings';
import { matchValuesOf, type SourceEntry, type SourceIndex } from './source-index';

/** Who a link of this job points at an account: the source object's anchor and name. */
export interface LinkedSource {
  anchor: string;
  displayName: string;
}

export interface ClassifyContext {
  index: Pick<SourceIndex, 'lookup'>;
  /** The job's matching target paths, in priority order. */
  matchPaths: readonly string[];
  /** The link pointing at a target id, when one does. */
  linkOf(type: ObjectType, targetId: string): LinkedSource | null;
  /** Whether the target reports `active` for this type (users of a target that can disable). */
  readsActive: boolean;
}

/**
 * One account of the target against the job (issue 12 item 5), decided in memory:
 * linked (a link points at it), else by its matching values in priority order — the first value
 * that finds source objects decides, as matching does (§4): an in-scope unlinked object makes it an
 * unlinked match, an out-of-scope one an out-of-scope match; a source object already linked to
 * another account leaves it unmanaged (a second account of someone managed); nothing found, or no
 * matching value at all, leaves it unmanaged.
 */
export function classifyAccount(
  type: ObjectType,
  account: TargetObjectState,
  ctx: ClassifyContext,
): NewAccountRow {
  const keyValue =
    ctx.matchPaths.length > 0 ? (matchValuesOf(account.values[ctx.matchPaths[0]!])[0] ?? null) : null;
  const base = {
    objectType: type,
    targetId: account.id,
    displayName: account.displayName ?? keyValue ?? account.id,
    keyValue,
    active: ctx.readsActive && type === 'User' ? activeOf(account) : null,
  };
  const row = (
    accountClass: AccountClass,
    rest: Partial<Pick<NewAccountRow, 'note' | 'source' | 'scopeDetail' | 'matched'>> = {},
  ): NewAccountRow => ({
    ...base,
    accountClass,
    note: rest.note ?? null,
    source: rest.source ?? null,
    scopeDetail: rest.scopeDetail ?? null,
    matched: rest.matched ?? null,
  });

  const link = ctx.linkOf(type, account.id);
  if (link) return row('linked', { source: link });

  let anyValue = false;
  for (const path of ctx.matchPaths) {
    for (const value of matchValuesOf(account.values[path])) {
      anyValue = true;
      const found = distinct(ctx.index.lookup(type, path, value));
      if (found.length === 0) continue;
      const matched = { path, value };
      const first = found.find((e) => e.inScope && e.linkedTargetId === null) ?? found[0]!;
      const source = { anchor: first.anchor, displayName: first.displayName };
      if (found.length > 1) {
        const inScope = found.some((e) => e.inScope);
        return row(inScope ? 'unlinkedMatch' : 'outOfScopeMatch', {
          note: 'severalSources',
          source,
          matched,
          scopeDetail: inScope ? null : first.scopeDetail,
        });
      }
      if (first.linkedTargetId !== null && first.linkedTargetId !== account.id)
        return row('unmanaged', { note: 'sourceLinkedElsewhere', source, matched });
      return first.inScope
        ? row('unlinkedMatch', { source, matched })
        : row('outOfScopeMatch', { source, matched, scopeDetail: first.scopeDetail });
    }
  }
  const note: AccountNote | null = anyValue || ctx.matchPaths.length === 0 ? null : 'noMatchingValue';
  return row('unmanaged', { note });
}

function activeOf(account: TargetObjectState): boolean | null {
  const value = account.values['active'];
  if (value === undefined || value === null || value === '') return null;
  return !isInactive(value);
}

/** The same source object found through two values of a multi-valued attribute counts once. */
function distinct(entries: readonly SourceEntry[]): SourceEntry[] {
  if (entries.length < 2) return [...entries];
  const seen = new Set<string>();
  return entries.filter((e) => (seen.has(e.anchor) ? false : (seen.add(e.anchor), true)));
}
