/**
 * Fast deprovisioning's look at an LDAP source (issue 9): has anything a delta read would return
 * changed after the job's watermark? It reuses the watermark of ldap-read.ts, so it can never
 * disagree with the read that follows: "changed" here means the next delta read finds something.
 *
 * - AD: the root DSE's highestCommittedUSN, which the bind already reads — no search at all. Any
 *   change on the DC raises it (deletions too), so an unrelated change costs one delta cycle; the
 *   cycle stores the new USN and the next poll is quiet again.
 * - OpenLDAP: one search for an in-scope entry whose entryCSN is newer than the watermark's, at most
 *   one entry, no attributes ('1.1'). entryCSN is unique per change, so "newer" is exact.
 * - Others: the same with modifyTimestamp, one second after the watermark's (its granularity).
 *
 * Deletions outside AD leave no entry to find; the job's schedule (a full read every
 * fullReadEveryCycles cycles, or whenever the settled set shows a gap) finds them.
 */
import { ConnectorError, isConnectorError, type SourceChangeMark, type SourceChangePoll } from '../connector';
import { isoToGeneralizedTime } from './ad-values';
import { andFilter, escapeFilterValue, orFilter } from './filter';
import { changeSpec, type LdapReadInput } from './ldap-read';
import { openSession, type LdapSession } from './ldap-session';
import { sourceConfig } from './source-config';
import { decodeWatermark, type LdapWatermark } from './watermark';

/** The filter for "changed after the watermark", or null when the watermark cannot say (AD). */
function changedAfter(previous: LdapWatermark): string | null {
  if (previous.by === 'csn') {
    const csn = escapeFilterValue(previous.position);
    return `(&(entryCSN>=${csn})(!(entryCSN=${csn})))`;
  }
  if (previous.by === 'timestamp') {
    const next = new Date(Date.parse(previous.position) + 1000).toISOString();
    return `(modifyTimestamp>=${isoToGeneralizedTime(next)})`;
  }
  return null;
}

async function usnMoved(session: LdapSession, previous: LdapWatermark): Promise<boolean> {
  const root = session.rootDse;
  // USNs of different DCs do not compare: the scheduled cycle (a full read) deals with a new DC.
  if (previous.server !== (root.dsServiceName ?? root.dnsHostName)) return false;
  const usn = root.highestCommittedUsn;
  return usn !== null && /^\d+$/.test(usn) && BigInt(usn) > BigInt(previous.position);
}

export async function pollLdapChanges(
  input: LdapReadInput,
  watermark: string | null,
  signal: AbortSignal,
): Promise<SourceChangePoll> {
  signal.throwIfAborted();
  const session = await openSession({
    settings: input.settings,
    credentials: input.credentials,
    ...(input.timeoutMs ? { timeoutMs: input.timeoutMs } : {}),
  });
  try {
    const serverType = session.rootDse.serverType;
    const by: SourceChangeMark = changeSpec(serverType).by;
    const previous = decodeWatermark(watermark);
    // No watermark of this kind yet: the next cycle is a full read anyway, on the job's schedule.
    if (!previous || previous.by !== by) return { changed: false, by };
    if (by === 'usn') return { changed: await usnMoved(session, previous), by };
    const config = sourceConfig(serverType, input.settings);
    const filter = andFilter(orFilter([config.userFilter, config.groupFilter]), changedAfter(previous));
    signal.throwIfAborted();
    try {
      const found = await session.search(input.settings.baseDn, {
        filter,
        attributes: ['1.1'],
        sizeLimit: 1,
        read: true,
      });
      return { changed: found.length > 0, by };
    } catch (error) {
      // More than one changed entry: the server stops at the size limit, which is an answer too.
      if (isConnectorError(error) && error.code === 'SizeLimitExceeded') return { changed: true, by };
      throw error;
    }
  } catch (error) {
    if (isConnectorError(error)) throw error;
    throw new ConnectorError(
      'transient',
      'ChangePollFailed',
      `The directory could not be polled: ${String(error)}`,
    );
  } finally {
    await session.close();
  }
}
