/**
 * The position an LDAP source stores between cycles. AD: highestCommittedUSN of the DC it was read
 * from (USNs of different DCs do not compare, so the DC is kept too). Others: the newest
 * modifyTimestamp seen (one-second granularity, so the next delta asks `>=` and the engine's hashes
 * drop what was already seen). Also kept: how many objects the read had, to notice deletions, and
 * how many delta cycles ran since the last full read, for the full-read cadence.
 */

export interface LdapWatermark {
  by: 'usn' | 'csn' | 'timestamp';
  /** USN as decimal text, an OpenLDAP entryCSN, or an ISO time. */
  position: string;
  /** AD: dsServiceName of the DC; null elsewhere. */
  server: string | null;
  /** Users and groups in scope of the read (anchors of the index pass). */
  objects: number;
  /** Objects created before `cutoff` (USN, or ISO time): their count and digest reveal deletions (settled-set.ts). */
  cutoff: string;
  settled: number;
  digest: string;
  /** Delta reads since the last full one. */
  deltas: number;
}

const prefix = 'ldap:';

export function encodeWatermark(watermark: LdapWatermark): string {
  return prefix + JSON.stringify(watermark);
}

/** Null for anything that is not an LDAP watermark of this shape (a fresh job, a CSV watermark…). */
export function decodeWatermark(text: string | null): LdapWatermark | null {
  if (!text?.startsWith(prefix)) return null;
  try {
    const value = JSON.parse(text.slice(prefix.length)) as Partial<LdapWatermark>;
    if (value.by !== 'usn' && value.by !== 'csn' && value.by !== 'timestamp') return null;
    if (typeof value.position !== 'string' || value.position === '') return null;
    if (typeof value.objects !== 'number' || typeof value.deltas !== 'number') return null;
    if (
      typeof value.cutoff !== 'string' ||
      typeof value.settled !== 'number' ||
      typeof value.digest !== 'string'
    )
      return null;
    return {
      by: value.by,
      position: value.position,
      server: typeof value.server === 'string' ? value.server : null,
      objects: value.objects,
      cutoff: value.cutoff,
      settled: value.settled,
      digest: value.digest,
      deltas: value.deltas,
    };
  } catch {
    return null;
  }
}
