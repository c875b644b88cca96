/** A range of the expression text, in UTF-16 code units, with 1-based line and column of both ends. */
export interface SourceSpan {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface LinePosition {
  readonly line: number;
  readonly column: number;
}

/**
 * Maps offsets to line/column. CRLF counts as one line break and a lone CR as one, so columns agree with
 * what an editor shows for text pasted from Windows tools.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];
  /** Lookups mostly move forward through the text; starting from the last line found keeps them O(1). */
  private lastLine = 0;

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      } else if (c === 10) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  positionAt(offset: number): LinePosition {
    const starts = this.lineStarts;
    const last = this.lastLine;
    const here = starts[last] ?? 0;
    if (offset >= here && (last + 1 >= starts.length || offset < (starts[last + 1] ?? 0))) {
      return { line: last + 1, column: offset - here + 1 };
    }
    const next = starts[last + 1];
    if (
      next !== undefined &&
      offset >= next &&
      (last + 2 >= starts.length || offset < (starts[last + 2] ?? 0))
    ) {
      this.lastLine = last + 1;
      return { line: last + 2, column: offset - next + 1 };
    }
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.lastLine = lo;
    return { line: lo + 1, column: offset - (this.lineStarts[lo] ?? 0) + 1 };
  }

  span(start: number, end: number): SourceSpan {
    const a = this.positionAt(start);
    const b = this.positionAt(end);
    return { start, end, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}

/** Line and column of an offset, for callers that hold only the text. */
export function positionAt(text: string, offset: number): LinePosition {
  return new LineIndex(text).positionAt(offset);
}
