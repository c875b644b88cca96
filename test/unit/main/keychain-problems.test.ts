import { describe, expect, it } from 'vitest';
import { diagnoseKeychainError } from '../../../src-main/vault/keychain-problems';

// The messages keytar gives on Linux, as listed in the project's toolchain notes.
const cases = [
  ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'noSessionBus'],
  ['The name org.freedesktop.secrets was not provided by any .service files', 'noSecretService'],
  ['Cannot create an item in a locked collection', 'locked'],
  ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'noKeyring'],
  ['Something nobody has seen before', 'other'],
] as const;

describe('diagnoseKeychainError', () => {
  it.each(cases)('turns "%s" into %s with a remedy', (message, kind) => {
    const status = diagnoseKeychainError(new Error(message), 'Secret Service');
    expect(status.available).toBe(false);
    expect(status.problem?.kind).toBe(kind);
    expect(status.problem?.remedy.length).toBeGreaterThan(20);
    expect(status.problem?.detail).toBe(message);
  });
});
