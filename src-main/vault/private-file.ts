import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/** What is wrong with a file or folder that should be readable by its owner only. */
export type PrivacyProblem =
  | { kind: 'missing' }
  | { kind: 'notRegular' }
  | { kind: 'notDirectory' }
  | { kind: 'unreadable' }
  | { kind: 'wrongOwner'; owner: number; expected: number }
  | { kind: 'tooOpen'; mode: number }
  | { kind: 'tooLarge'; bytes: number };

/** The user this process runs as; on Windows there are no uids and ownership is not checked. */
export function currentUid(): number | null {
  return typeof process.getuid === 'function' ? process.getuid() : null;
}

/**
 * Owned by this user (or root, whom nobody else can impersonate: systemd may leave a credential
 * root-owned and grant the service an ACL) and not readable, writable or searchable by group or
 * others (0600/0400/0700/0500).
 */
export function privacyProblem(stats: Stats): PrivacyProblem | null {
  const uid = currentUid();
  if (uid !== null && stats.uid !== uid && stats.uid !== 0)
    return { kind: 'wrongOwner', owner: stats.uid, expected: uid };
  if (process.platform !== 'win32' && (stats.mode & 0o077) !== 0)
    return { kind: 'tooOpen', mode: stats.mode & 0o777 };
  return null;
}

export const maxSecretBytes = 64 * 1024;

/**
 * Reads a secret file, refusing symlinks (O_NOFOLLOW: a link could point at any file the user can
 * read), anything but a regular file, a file others can read, and files over 64 KiB. The checks
 * run on the opened descriptor, so the file cannot be swapped between check and read.
 */
export function readPrivateFile(path: string): { value: Buffer } | { problem: PrivacyProblem } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problem: { kind: 'missing' } };
    if (code === 'ELOOP') return { problem: { kind: 'notRegular' } };
    if (code === 'EACCES' || code === 'EPERM') return { problem: { kind: 'unreadable' } };
    throw error;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { problem: { kind: 'notRegular' } };
    const problem = privacyProblem(stats);
    if (problem) return { problem };
    if (stats.size > maxSecretBytes) return { problem: { kind: 'tooLarge', bytes: stats.size } };
    const buffer = Buffer.alloc(stats.size);
    let read = 0;
    while (read < stats.size) {
      const n = readSync(fd, buffer, read, stats.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { value: buffer.subarray(0, read) };
  } finally {
    closeSync(fd);
  }
}

/** One trailing newline is what `echo` and editors add; it is never part of a secret. */
export function secretText(bytes: Buffer): string {
  return bytes.toString('utf8').replace(/\r?\n$/, '');
}

export function describePrivacyProblem(path: string, problem: PrivacyProblem): string {
  switch (problem.kind) {
    case 'missing':
      return `${path} does not exist.`;
    case 'notRegular':
      return `${path} is not a regular file (symbolic links are not followed).`;
    case 'notDirectory':
      return `${path} is not a folder.`;
    case 'unreadable':
      return `${path} cannot be read by the user Roster runs as (uid ${currentUid() ?? '?'}); make that user its owner: chown <user> ${path}`;
    case 'wrongOwner':
      return `${path} belongs to user id ${problem.owner}, but Roster runs as user id ${problem.expected}; it reads only its own files.`;
    case 'tooOpen':
      return `${path} has mode ${problem.mode.toString(8).padStart(4, '0')}: group or others can use it. Run: chmod go= ${path}`;
    case 'tooLarge':
      return `${path} is ${problem.bytes} bytes; a secret file may be at most ${maxSecretBytes}.`;
  }
}
