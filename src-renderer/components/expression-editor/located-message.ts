/** A message of the expression language, split into where and what, so the UI can say "where" in its language. */
export interface LocatedMessage {
  readonly line?: number;
  readonly column?: number;
  readonly text: string;
}

const LOCATION = /^Line (\d+), column (\d+): ([\s\S]*)$/;

/** The language's messages start "Line 3, column 12: "; this takes that apart. */
export function locateMessage(message: string): LocatedMessage {
  const match = LOCATION.exec(message);
  if (!match) return { text: message };
  return { line: Number(match[1]), column: Number(match[2]), text: match[3] ?? '' };
}
