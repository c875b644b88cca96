/**
 * Every user or every group of an LDAP target, page by page (TargetConnector.listAll): one subtree
 * search under the target's base DN for the object classes the target creates, with the RFC 2696
 * paged results control, asking only for the id attribute, the RDN, objectClass and the paths the
 * caller needs. Each page is turned into target states and handed on before the next page is asked
 * for, so a directory of 100,000 entries never sits in memory at once.
 *
 * A paged search is one server-side cursor, so unlike a SCIM list (startIndex, list-pages.ts) it
 * cannot shift when entries are added or deleted meanwhile. The control's size estimate is optional
 * and OpenLDAP and AD send 0, so the total is not known until the last page: pages say `null`.
 */
import type { ObjectType } from '@shared/domain/schema';
import { ConnectorError, isConnectorError, type TargetObjectState, type TargetPage } from '../connector';
import { andFilter, orFilter } from './filter';
import type { LdapEntry } from './ldap-entry';
import type { LdapSession } from './ldap-session';
import { activePath, type TargetConfig } from './target-config';

/** Entries asked for per page; servers may cap it lower (AD's MaxPageSize is 1000). */
export const listPageSize = 500;

export interface LdapListDeps {
  session(): Promise<LdapSession>;
  config(): Promise<TargetConfig>;
  /** The attributes to read for `paths` (the id and RDN attributes always among them). */
  attributesFor(config: TargetConfig, paths: readonly string[]): string[];
  /** One entry as the engine sees it; the same function `get` and `find` use. */
  stateOf(entry: LdapEntry, paths: readonly string[]): Promise<TargetObjectState>;
  idOf(entry: LdapEntry): Promise<string | null>;
  pageSize?: number;
}

/**
 * The filter that selects the target's users or groups: any of the configured object classes but
 * `top`, as find() matches them. On Active Directory an account is always a `user`, and a computer is
 * one too (it derives from it): users are the `user` entries that are not computers, so contacts
 * (person, organizationalPerson, but no `user`) and computers are not listed as accounts.
 */
export function listFilter(config: TargetConfig, type: ObjectType): string {
  const classes = orFilter(
    config.objectClasses[type].filter((k) => k.toLowerCase() !== 'top').map((k) => `(objectClass=${k})`),
  );
  if (type === 'User' && config.serverType === 'activeDirectory')
    return andFilter(classes, '(objectClass=user)', '(!(objectClass=computer))');
  return classes;
}

export async function* listEntries(
  deps: LdapListDeps,
  type: ObjectType,
  paths: readonly string[],
): AsyncGenerator<TargetPage, void, undefined> {
  const config = await deps.config();
  const session = await deps.session();
  // Without a disable attribute the directory cannot say an account is disabled: unknown, not true.
  const activeUnknown = config.disable.kind === 'none' && paths.includes(activePath);
  const pages = session.pages(config.searchBase, {
    filter: listFilter(config, type),
    // displayName names the account in the report ("Ann Lee" rather than its RDN "uid=alee").
    attributes: [...new Set([...deps.attributesFor(config, paths), 'displayName'])],
    binary: ['objectGUID'],
    pageSize: deps.pageSize ?? listPageSize,
    // A target's failure keeps its own class (a timeout stays transient), unlike a source read.
    read: false,
  });
  try {
    for await (const entries of pages) {
      const objects: TargetObjectState[] = [];
      for (const entry of entries) {
        // An entry without the id attribute (a custom anchor attribute it lacks) cannot be linked,
        // disabled or read back by id: there is nothing the engine could do with it.
        if ((await deps.idOf(entry)) === null) continue;
        const state = await deps.stateOf(entry, paths);
        if (activeUnknown) state.values[activePath] = null;
        objects.push(state);
      }
      yield { objects, total: null };
    }
  } catch (error) {
    throw listLimited(error);
  }
}

/**
 * A server limit on how many entries one search may return (OpenLDAP size.prtotal, AD's
 * MaxResultSetSize), or a server without the paged results control, ends the list, not the cycle:
 * matching then queries per object, which neither stops, and discovery reports why it failed.
 * Other failures keep their class.
 */
function listLimited(error: unknown): unknown {
  if (!isConnectorError(error) || !(error.code in listOnlyAdvice)) return error;
  return new ConnectorError(
    'transient',
    error.code,
    `${error.message}. ${listOnlyAdvice[error.code]}`,
    error.info,
  );
}

const listOnlyAdvice: Record<string, string> = {
  SizeLimitExceeded: "Raise the bind account's size limit for paged searches to list every account.",
  ControlNotSupported: 'The server does not page searches (RFC 2696), so its accounts cannot be listed.',
};
