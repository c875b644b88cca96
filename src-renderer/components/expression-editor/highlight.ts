import type { Diagnostic, Severity, Token } from '@shared/expressions';

/** What a stretch of expression text is, for colouring. */
export type HighlightKind =
  | 'function'
  | 'name'
  | 'enum'
  | 'attribute'
  | 'string'
  | 'number'
  | 'operator'
  | 'punctuation'
  | 'invalid'
  | 'plain';

/**
 * One run of text with one colour and one underline. Segments cover the text exactly once, in order, so
 * that the overlay lays out character for character like the textarea above it. Zero-width segments
 * (empty `text`) mark a problem that has no width, or the point a completion list hangs from.
 */
export interface HighlightSegment {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly kind: HighlightKind;
  /** The most severe problem that covers this text, if any. */
  readonly problem?: Severity;
  /** Zero width: a problem that sits between two characters (a missing ")" at the end). */
  readonly marker?: boolean;
  /** Zero width: where the completion list is anchored. */
  readonly anchor?: boolean;
}

const ENUM_NAMES = new Set(['vbBinaryCompare', 'vbTextCompare']);

function kindOf(token: Token, next: Token | undefined): HighlightKind {
  switch (token.kind) {
    case 'name':
      if (next?.kind === 'openParen') return 'function';
      return ENUM_NAMES.has(token.text) ? 'enum' : 'name';
    case 'attribute':
      return 'attribute';
    case 'string':
      return 'string';
    case 'integer':
      return 'number';
    case 'operator':
      return 'operator';
    case 'openParen':
    case 'closeParen':
    case 'comma':
      return 'punctuation';
    case 'invalid':
      return 'invalid';
  }
}

function worse(a: Severity | undefined, b: Severity): Severity {
  return a === 'error' || b === 'error' ? 'error' : 'warning';
}

function clamp(n: number, length: number): number {
  return Math.max(0, Math.min(length, n));
}

/**
 * Splits expression text into coloured segments from its tokens, and marks the ranges of the diagnostics.
 * Pure: the editor renders the result behind a transparent textarea.
 */
export function highlightSegments(
  text: string,
  tokens: readonly Token[],
  diagnostics: readonly Pick<Diagnostic, 'start' | 'end' | 'severity'>[],
  anchorAt?: number,
): HighlightSegment[] {
  const length = text.length;
  const ranges = diagnostics.map((d) => {
    const start = clamp(d.start, length);
    return { start, end: Math.max(start, clamp(d.end, length)), severity: d.severity };
  });
  const cuts = new Set<number>([0, length]);
  for (const t of tokens) cuts.add(clamp(t.start, length)).add(clamp(t.end, length));
  for (const r of ranges) cuts.add(r.start).add(r.end);
  if (anchorAt !== undefined) cuts.add(clamp(anchorAt, length));
  const points = [...cuts].sort((a, b) => a - b);

  const zeroWidth = new Map<number, Severity>();
  for (const r of ranges)
    if (r.start === r.end) zeroWidth.set(r.start, worse(zeroWidth.get(r.start), r.severity));

  const segments: HighlightSegment[] = [];
  let tokenIndex = 0;
  for (let i = 0; i < points.length; i++) {
    const start = points[i] ?? 0;
    const marker = zeroWidth.get(start);
    if (marker) segments.push({ text: '', start, end: start, kind: 'plain', problem: marker, marker: true });
    if (start === anchorAt) segments.push({ text: '', start, end: start, kind: 'plain', anchor: true });
    const end = points[i + 1];
    if (end === undefined) break;
    while (tokenIndex < tokens.length && (tokens[tokenIndex]?.end ?? 0) <= start) tokenIndex++;
    const token = tokens[tokenIndex];
    const kind = token && token.start <= start ? kindOf(token, tokens[tokenIndex + 1]) : 'plain';
    let problem: Severity | undefined;
    for (const r of ranges) if (r.start < end && r.end > start) problem = worse(problem, r.severity);
    segments.push({ text: text.slice(start, end), start, end, kind, ...(problem ? { problem } : {}) });
  }
  return segments;
}
