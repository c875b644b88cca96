/**
 * Which text encoding a CSV file is in. HR exports come from Excel (UTF-8 with BOM, or the system
 * code page: CP949 on Korean Windows, Windows-1252 on Western European Windows), from Unicode-text
 * saves (UTF-16 with BOM) and from scripts (UTF-8 without BOM). Detection, in order:
 *   1. a byte-order mark decides;
 *   2. a file that is valid UTF-8 is UTF-8 (legacy text is almost never valid UTF-8 by accident);
 *   3. otherwise CP949 or Windows-1252, by a deliberate heuristic (see chooseLegacyEncoding).
 * The admin can force any encoding; a forced encoding that does not fit fails with the row.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { type CsvEncodingOption } from './csv-options';
import { csvError } from './csv-errors';

export type TextEncodingName = 'utf8' | 'utf16le' | 'utf16be' | 'cp949' | 'windows1252';

export type EncodingEvidence =
  'forced' | 'bom' | 'ascii' | 'validUtf8' | 'utf16Pattern' | 'koreanPairs' | 'westernBytes';

export interface EncodingChoice {
  encoding: TextEncodingName;
  /** Bytes of byte-order mark at the start of the file (the decoder skips them). */
  bomLength: number;
  evidence: EncodingEvidence;
}

/** How much of the start of a file detection looks at. */
export const sniffBytes = 1024 * 1024;

const labels: Record<TextEncodingName, string> = {
  utf8: 'UTF-8',
  utf16le: 'UTF-16 LE',
  utf16be: 'UTF-16 BE',
  cp949: 'CP949 (Korean, EUC-KR)',
  windows1252: 'Windows-1252 (Western European)',
};

/** WHATWG names: Node's TextDecoder (full ICU, as in Electron) decodes all five strictly. */
export const whatwgNames: Record<TextEncodingName, string> = {
  utf8: 'utf-8',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  // WHATWG "euc-kr" is Microsoft's CP949 (Unified Hangul Code), which is what Korean Excel writes.
  cp949: 'euc-kr',
  windows1252: 'windows-1252',
};

export function describeEncoding(choice: EncodingChoice): string {
  const label = labels[choice.encoding];
  if (choice.bomLength > 0) return `${label} with BOM`;
  if (choice.encoding === 'utf8' && choice.evidence !== 'forced') return `${label} without BOM`;
  return label;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

function bomOf(bytes: Uint8Array): EncodingChoice | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf8', bomLength: 3, evidence: 'bom' };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf16le', bomLength: 2, evidence: 'bom' };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf16be', bomLength: 2, evidence: 'bom' };
  return null;
}

/** Spreadsheets saved under a .csv name, or chosen by mistake: say so instead of reading garbage. */
function refuseBinary(bytes: Uint8Array, fileName: string): void {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    throw csvError(
      'CsvNotCsv',
      `${fileName} is an Excel workbook (.xlsx) or another ZIP file, not a CSV file. In Excel, use File › Save As › "CSV UTF-8 (Comma delimited)".`,
      [fileName],
    );
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw csvError(
      'CsvNotCsv',
      `${fileName} is an old Excel workbook (.xls), not a CSV file. In Excel, use File › Save As › "CSV UTF-8 (Comma delimited)".`,
      [fileName],
    );
  }
}

/**
 * UTF-16 without a BOM shows as a zero byte in every other position (for Latin text). Anything else
 * with zero bytes is not text.
 */
function zeroBytePattern(bytes: Uint8Array): 'utf16le' | 'utf16be' | 'binary' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  if (even === 0 && odd === 0) return bytes.subarray(n).includes(0) ? 'binary' : null;
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.02) return 'utf16le';
  if (even > pairs * 0.3 && odd < pairs * 0.02) return 'utf16be';
  return 'binary';
}

/**
 * The offset of the first byte that is not part of a valid UTF-8 sequence, or -1. A sequence cut
 * off at `end` counts as valid when `openEnd` (the sample stops in the middle of the file).
 */
export function firstInvalidUtf8(bytes: Uint8Array, openEnd = false): number {
  const end = bytes.length;
  let i = 0;
  while (i < end) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // above U+10FFFF
    } else {
      return i;
    }
    for (let k = 1; k <= need; k++) {
      if (i + k >= end) return openEnd ? -1 : i;
      const c = bytes[i + k] ?? 0;
      const low = k === 1 ? lo : 0x80;
      const high = k === 1 ? hi : 0xbf;
      if (c < low || c > high) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** CP949 trail bytes: KS X 1001 uses A1–FE, the Unified Hangul Code extension also 41–5A, 61–7A, 81–A0. */
function isCp949Trail(lead: number, trail: number): boolean {
  if (trail >= 0xa1 && trail <= 0xfe) return lead >= 0x81 && lead <= 0xfe;
  const asciiLetter = (trail >= 0x41 && trail <= 0x5a) || (trail >= 0x61 && trail <= 0x7a);
  if (asciiLetter || (trail >= 0x81 && trail <= 0xa0)) return lead >= 0x81 && lead <= 0xc6;
  return false;
}

export interface LegacyByteStats {
  /** Pairs in the KS X 1001 Hangul block (B0–C8 × A1–FE): the 2,350 syllables of everyday Korean. */
  ksHangul: number;
  /** Other KS X 1001 pairs (A1–FE × A1–FE): symbols, Hanja. */
  ksOther: number;
  /** Unified Hangul Code extension pairs: rare syllables, and what "Äpfel" looks like to CP949. */
  uhcExtension: number;
  /** High bytes that cannot start or complete a CP949 character. */
  invalid: number;
}

export function legacyByteStats(bytes: Uint8Array): LegacyByteStats {
  const stats: LegacyByteStats = { ksHangul: 0, ksOther: 0, uhcExtension: 0, invalid: 0 };
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const trail = bytes[i + 1];
    if (trail === undefined || !isCp949Trail(lead, trail)) {
      stats.invalid++;
      i++;
      continue;
    }
    if (lead >= 0xb0 && lead <= 0xc8 && trail >= 0xa1) stats.ksHangul++;
    else if (lead >= 0xa1 && trail >= 0xa1) stats.ksOther++;
    else stats.uhcExtension++;
    i += 2;
  }
  return stats;
}

/** The offset of the first byte that cannot be CP949, or -1 (used to name the row of a decoding error). */
export function firstInvalidCp949(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const trail = bytes[i + 1];
    if (trail === undefined || !isCp949Trail(lead, trail)) return i;
    i += 2;
  }
  return -1;
}

/**
 * CP949 or Windows-1252, for bytes that are not UTF-8. Both are single-byte for ASCII, and many
 * Windows-1252 letter pairs are also valid CP949, so validity alone cannot decide. The shapes differ:
 * Korean text is runs of two-byte characters, nearly all in the KS X 1001 Hangul block
 * (B0–C8 × A1–FE); European text has isolated accented letters next to ASCII, which either cannot
 * be CP949 at all (é + ",") or land in the rarely used Unified Hangul extension (Ä + "p").
 * So: CP949 when KS X 1001 pairs outnumber the extension pairs and the bytes that are not CP949 are
 * rare (a stray byte in a Korean file is then reported by row instead of silently re-read as 1252);
 * otherwise Windows-1252.
 */
export function chooseLegacyEncoding(stats: LegacyByteStats): 'cp949' | 'windows1252' {
  const ks = stats.ksHangul + stats.ksOther;
  if (stats.ksHangul === 0) return 'windows1252';
  if (ks <= stats.uhcExtension) return 'windows1252';
  return stats.invalid * 10 <= stats.ksHangul ? 'cp949' : 'windows1252';
}

/** Decides the encoding from the start of the file (sniffBytes of it). */
export function detectEncoding(
  sample: Uint8Array,
  options: { forced: CsvEncodingOption; fileName: string },
): EncodingChoice {
  const { forced, fileName } = options;
  refuseBinary(sample, fileName);
  const bom = bomOf(sample);
  if (forced !== 'auto') {
    const encoding: TextEncodingName = forced;
    if (bom && bom.encoding !== encoding) {
      throw csvError(
        'CsvEncoding',
        `${fileName} starts with a ${labels[bom.encoding]} byte-order mark, but the connection says the file is ${labels[encoding]}. Set the encoding to Automatic or to ${labels[bom.encoding]}.`,
        [`${fileName}:1`],
      );
    }
    return { encoding, bomLength: bom?.bomLength ?? 0, evidence: 'forced' };
  }
  if (bom) return bom;

  const zeros = zeroBytePattern(sample);
  if (zeros === 'utf16le' || zeros === 'utf16be') {
    return { encoding: zeros, bomLength: 0, evidence: 'utf16Pattern' };
  }
  if (zeros === 'binary') {
    throw csvError(
      'CsvNotCsv',
      `${fileName} contains binary data (zero bytes), so it is not a CSV text file. Export the data as CSV.`,
      [fileName],
    );
  }
  // node:buffer's native checks first: a script loop over the 1 MiB sample held the event loop for
  // tens of milliseconds every cycle (issue 11). The script scan still decides a cut-off sequence.
  if (isAscii(sample)) return { encoding: 'utf8', bomLength: 0, evidence: 'ascii' };
  // A sequence cut at the end counts as UTF-8 even when the sample is the whole file: a UTF-8 export
  // cut off mid-character must be reported as truncated, not re-read as Windows-1252.
  if (isUtf8(sample) || firstInvalidUtf8(sample, true) === -1) {
    return { encoding: 'utf8', bomLength: 0, evidence: 'validUtf8' };
  }
  const legacy = chooseLegacyEncoding(legacyByteStats(sample));
  return {
    encoding: legacy,
    bomLength: 0,
    evidence: legacy === 'cp949' ? 'koreanPairs' : 'westernBytes',
  };
}
