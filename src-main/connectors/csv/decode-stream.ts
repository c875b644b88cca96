/**
 * Bytes → text, strictly: a byte that does not belong to the encoding stops the read with the line it
 * is on, instead of becoming U+FFFD in someone's name. The same pass hashes every byte, so a later
 * pass can prove it read the very file the first one validated.
 */
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import { type ConnectorError } from '../connector';
import { csvError } from './csv-errors';
import {
  describeEncoding,
  firstInvalidCp949,
  firstInvalidUtf8,
  type EncodingChoice,
  whatwgNames,
} from './encoding';

export interface DecodeStream extends Transform {
  /** sha256 (hex) of every byte read; valid once the stream has ended. */
  digest(): string;
}

function countByte(bytes: Uint8Array, byte: number, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (bytes[i] === byte) n++;
  return n;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function invalidOffset(choice: EncodingChoice, bytes: Uint8Array): number {
  if (choice.encoding === 'utf8') return firstInvalidUtf8(bytes, true);
  if (choice.encoding === 'cp949') return firstInvalidCp949(bytes);
  return -1;
}

function advice(choice: EncodingChoice): string {
  return choice.evidence === 'forced'
    ? `Check the encoding in the connection settings (it is set to ${describeEncoding(choice)}), or set it to Automatic.`
    : `The start of the file looked like ${describeEncoding(choice)}, so the file mixes encodings. Save it again from the program that made it, or set the encoding in the connection settings.`;
}

/**
 * The error for bytes that do not decode. `bytes` may begin with `carried` bytes whose line breaks
 * are already in `newlinesBefore`; the line is found by locating the bad byte where the encoding
 * allows it (UTF-8, CP949), else the line the chunk starts on.
 */
export function undecodableError(
  choice: EncodingChoice,
  fileName: string,
  bytes: Uint8Array,
  newlinesBefore: number,
  carried = 0,
): ConnectorError {
  const offset = invalidOffset(choice, bytes);
  const ascii = choice.encoding !== 'utf16le' && choice.encoding !== 'utf16be';
  const line = newlinesBefore + 1 + (offset >= 0 && ascii ? countByte(bytes, 0x0a, carried, offset) : 0);
  return csvError(
    'CsvEncoding',
    `${fileName}:${line} contains bytes that are not valid ${describeEncoding(choice)}. ${advice(choice)}`,
    [`${fileName}:${line}`],
  );
}

export function createTextDecoder(choice: EncodingChoice, fileName: string): TextDecoder {
  try {
    return new TextDecoder(whatwgNames[choice.encoding], { fatal: true });
  } catch {
    throw csvError(
      'CsvEncoding',
      `This installation cannot decode ${describeEncoding(choice)} (its ICU data is incomplete). Save ${fileName} as UTF-8.`,
      [fileName],
    );
  }
}

/**
 * The start of a file as text, for sniffing. A character cut at the end is dropped: it is either cut
 * by the sample size or the file is truncated, which the full pass reports with its line.
 */
export function decodeSample(choice: EncodingChoice, fileName: string, sample: Uint8Array): string {
  const decoder = createTextDecoder(choice, fileName);
  try {
    return decoder.decode(sample, { stream: true });
  } catch {
    throw undecodableError(choice, fileName, sample, 0);
  }
}

/**
 * The end of a chunk from the last byte below 0x41 on: such a byte is never inside a UTF-8 or CP949
 * character, so the tail starts on a character boundary. Kept to locate an error in the next chunk
 * that completes a character begun in this one (capped: only the error's line depends on it).
 */
function alignedTail(bytes: Uint8Array): Uint8Array {
  const from = Math.max(0, bytes.length - 1024);
  for (let i = bytes.length - 1; i >= from; i--) {
    if ((bytes[i] ?? 0) < 0x41) return bytes.subarray(i + 1);
  }
  return bytes.subarray(from);
}

export function createDecodeStream(choice: EncodingChoice, fileName: string): DecodeStream {
  const decoder = createTextDecoder(choice, fileName);
  const hash: Hash = createHash('sha256');
  let newlines = 0;
  // The end of the previous chunk (see alignedTail), to find an error's line.
  let carry: Uint8Array = new Uint8Array(0);
  let digest: string | null = null;

  const stream = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
      hash.update(chunk);
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        const bytes = Buffer.concat([carry, chunk]);
        callback(undecodableError(choice, fileName, bytes, newlines, carry.length));
        return;
      }
      carry = alignedTail(chunk);
      newlines += countNewlines(text);
      callback(null, text);
    },
    flush(callback: TransformCallback): void {
      digest = hash.digest('hex');
      let text: string;
      try {
        text = decoder.decode();
      } catch {
        callback(
          csvError(
            'CsvTruncated',
            `${fileName}:${newlines + 1} ends in the middle of a character: the file looks cut off. Export it again.`,
            [`${fileName}:${newlines + 1}`],
          ),
        );
        return;
      }
      callback(null, text);
    },
  }) as DecodeStream;
  stream.digest = () => {
    if (digest === null) throw new Error('The file has not been read to the end yet');
    return digest;
  };
  return stream;
}
