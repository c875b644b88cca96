/**
 * The one redaction function for log and error text. It masks every secret value the vault has
 * handled in this process, and credential-shaped text (Authorization headers, bearer tokens,
 * passwords in URLs) whatever its source.
 */
const knownSecrets = new Set<string>();
const mask = '[redacted]';

/** Called by the vault for every secret it reads or writes. Very short values would mask too much. */
export function rememberSecret(value: string): void {
  if (value.length >= 4) knownSecrets.add(value);
}

const credentialPatterns: [RegExp, string][] = [
  [/(authorization\s*[:=]\s*)(\S+(?:\s+\S+)?)/gi, `$1${mask}`],
  [/\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${mask}`],
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:)[^@\s/]+@/gi, `$1${mask}@`],
  [/((?:password|passwd|secret|token|client_secret)\s*["']?\s*[:=]\s*["']?)[^"'\s,&}]+/gi, `$1${mask}`],
];

export function redact(text: string): string {
  let result = text;
  // Longest first, so a secret that contains another is masked whole.
  for (const secret of [...knownSecrets].sort((a, b) => b.length - a.length)) {
    result = result.split(secret).join(mask);
  }
  for (const [pattern, replacement] of credentialPatterns) result = result.replace(pattern, replacement);
  return result;
}
