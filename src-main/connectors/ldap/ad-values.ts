/**
 * Active Directory's binary and numeric encodings, rendered the way admins know them:
 * objectGUID as the registry-format GUID string, objectSid as S-1-5-21-…, FILETIME integers as ISO
 * dates, userAccountControl bits. See MS-DTYP §2.3.4 (GUID), §2.4.2 (SID), §2.3.3 (FILETIME) and
 * MS-ADTS §2.2.16 (userAccountControl).
 */

/**
 * objectGUID's 16 bytes are a GUID struct: Data1 (4 bytes), Data2 and Data3 (2 bytes each) are
 * little-endian, Data4 (8 bytes) is in order. So bytes 00 01 02 03 04 05 06 07 08 09 … render as
 * 03020100-0504-0706-0809-0a0b0c0d0e0f — reading the bytes in order gives a different, wrong GUID.
 */
export function guidToString(bytes: Uint8Array): string {
  if (bytes.length !== 16) throw new Error(`A GUID has 16 bytes, not ${bytes.length}`);
  const h = (from: number, to: number, reverse: boolean) => {
    const part = [...bytes.subarray(from, to)];
    if (reverse) part.reverse();
    return part.map((b) => b.toString(16).padStart(2, '0')).join('');
  };
  return `${h(0, 4, true)}-${h(4, 6, true)}-${h(6, 8, true)}-${h(8, 10, false)}-${h(10, 16, false)}`;
}

const guidPattern = /^\{?([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})\}?$/i;

export function isGuidString(text: string): boolean {
  return guidPattern.test(text.trim());
}

/** The inverse of guidToString: the bytes to put in an objectGUID filter. */
export function guidToBytes(text: string): Buffer {
  const m = guidPattern.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a GUID`);
  const [, d1 = '', d2 = '', d3 = '', d4a = '', d4b = ''] = m;
  const le = (hexText: string) => Buffer.from(hexText, 'hex').reverse();
  return Buffer.concat([le(d1), le(d2), le(d3), Buffer.from(d4a + d4b, 'hex')]);
}

/**
 * A SID's binary form: revision (1 byte), sub-authority count (1), identifier authority (6 bytes,
 * big-endian), then that many 32-bit little-endian sub-authorities.
 */
export function sidToString(bytes: Uint8Array): string {
  if (bytes.length < 8) throw new Error(`A SID has at least 8 bytes, not ${bytes.length}`);
  const revision = bytes[0] as number;
  const count = bytes[1] as number;
  if (bytes.length !== 8 + 4 * count)
    throw new Error(`A SID with ${count} sub-authorities has ${8 + 4 * count} bytes, not ${bytes.length}`);
  let authority = 0n;
  for (let i = 2; i < 8; i++) authority = (authority << 8n) | BigInt(bytes[i] as number);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const subs: string[] = [];
  for (let i = 0; i < count; i++) subs.push(String(view.getUint32(8 + 4 * i, true)));
  // MS-DTYP §2.4.2.1: an authority of 2^32 or more is written in hex.
  const authorityText =
    authority >= 2n ** 32n
      ? `0x${authority.toString(16).toUpperCase().padStart(12, '0')}`
      : String(authority);
  return ['S', String(revision), authorityText, ...subs].join('-');
}

/** FILETIME: 100-nanosecond intervals since 1601-01-01T00:00:00Z. */
const epochDifference = 116_444_736_000_000_000n; // 1601 → 1970 in 100 ns
const maxInt64 = 9_223_372_036_854_775_807n;

/**
 * A FILETIME value (as AD sends it: decimal text) → ISO 8601 UTC, or null for the values that mean
 * "never": 0 and 0x7FFFFFFFFFFFFFFF (accountExpires uses both; pwdLastSet 0 means "must change").
 */
export function fileTimeToIso(value: string | bigint): string | null {
  let ticks: bigint;
  try {
    ticks = typeof value === 'bigint' ? value : BigInt(value.trim());
  } catch {
    throw new Error(`"${String(value)}" is not a FILETIME number`);
  }
  if (ticks <= 0n || ticks >= maxInt64) return null;
  const ms = (ticks - epochDifference) / 10_000n;
  const date = new Date(Number(ms));
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString();
}

/** ISO date → FILETIME decimal text (for writing accountExpires). */
export function isoToFileTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`"${iso}" is not a date`);
  return (BigInt(ms) * 10_000n + epochDifference).toString();
}

/** MS-ADTS §2.2.16 userAccountControl flags Roster reads or writes. */
export const uac = {
  accountDisable: 0x0002,
  lockout: 0x0010,
  passwordNotRequired: 0x0020,
  normalAccount: 0x0200,
  dontExpirePassword: 0x1_0000,
} as const;

export function isAccountDisabled(userAccountControl: number): boolean {
  return (userAccountControl & uac.accountDisable) !== 0;
}

/** The same flags with only ACCOUNTDISABLE changed: the other bits belong to the admin. */
export function withAccountDisabled(userAccountControl: number, disabled: boolean): number {
  return disabled ? userAccountControl | uac.accountDisable : userAccountControl & ~uac.accountDisable;
}

const generalizedTime =
  /^(\d{4})(\d{2})(\d{2})(\d{2})(?:(\d{2})(?:(\d{2}))?)?(?:[.,](\d+))?(Z|[+-]\d{2}(?:\d{2})?)?$/;

/**
 * RFC 4517 GeneralizedTime (`20240131120000Z`, AD's `20240131120000.0Z`, `…+0900`) → ISO 8601 UTC.
 * Null when the text is not one.
 */
export function generalizedTimeToIso(text: string): string | null {
  const m = generalizedTime.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi = '00', s = '00', fraction = '', zone = 'Z'] = m;
  const ms = Number(`0.${fraction || '0'}`) * 1000;
  let time = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Math.floor(ms));
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.slice(3, 5) || '0');
    time -= sign * (hours * 60 + minutes) * 60_000;
  }
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** ISO 8601 → GeneralizedTime in UTC with seconds (`20240131120000Z`), as filters compare it. */
export function isoToGeneralizedTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`"${iso}" is not a date`);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return (
    `${p(date.getUTCFullYear(), 4)}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}` +
    `${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z`
  );
}
