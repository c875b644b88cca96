/**
 * AD value rendering against documented and recorded values:
 * - GUID byte order: MS-DTYP §2.3.4.2 (GUID packet representation: Data1, Data2, Data3 little-endian);
 *   the recorded objectGUID/objectSid pair comes from the Samba AD DC run of samba-ad.test.ts, whose
 *   rendering that test checks against the server's own <GUID=…>/<SID=…> lookups.
 * - SID: MS-DTYP §2.4.2.2 (SID packet representation); S-1-5-32-544 is BUILTIN\Administrators.
 * - FILETIME: MS-DTYP §2.3.3; 116444736000000000 is the 1601→1970 offset Microsoft's "Converting a
 *   time_t value to a FILETIME" uses; accountExpires 0 and 0x7FFFFFFFFFFFFFFF mean "never" (the
 *   Account-Expires attribute's documentation).
 * - userAccountControl: MS-ADTS §2.2.16 and "UserAccountControl property flags" (512 normal account,
 *   514 disabled, 66048 = normal + don't expire password, 66050 the same disabled).
 */
import { describe, expect, it } from 'vitest';
import {
  fileTimeToIso,
  generalizedTimeToIso,
  guidToBytes,
  guidToString,
  isAccountDisabled,
  isoToFileTime,
  isoToGeneralizedTime,
  sidToString,
  withAccountDisabled,
} from '../../../../../src-main/connectors/ldap/ad-values';

const hex = (text: string) => Buffer.from(text.replace(/\s/g, ''), 'hex');

describe('objectGUID', () => {
  it('reads the first three fields little-endian (MS-DTYP §2.3.4.2)', () => {
    expect(guidToString(hex('00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f'))).toBe(
      '03020100-0504-0706-0809-0a0b0c0d0e0f',
    );
  });

  it('renders a GUID recorded from Samba AD as the server names it', () => {
    expect(guidToString(hex('53 15 51 0c db 0e e1 4a 98 dc 91 f5 0b 51 71 61'))).toBe(
      '0c511553-0edb-4ae1-98dc-91f50b517161',
    );
  });

  it('turns the text back into the same bytes, braces and case tolerated', () => {
    const bytes = hex('53 15 51 0c db 0e e1 4a 98 dc 91 f5 0b 51 71 61');
    expect(guidToBytes('{0C511553-0EDB-4AE1-98DC-91F50B517161}')).toEqual(bytes);
    expect(guidToString(guidToBytes(guidToString(bytes)))).toBe(guidToString(bytes));
  });

  it('refuses a value of the wrong length', () => {
    expect(() => guidToString(hex('0102'))).toThrow(/16 bytes/);
  });
});

describe('objectSid', () => {
  it('renders BUILTIN\\Administrators (MS-DTYP §2.4.2.2)', () => {
    expect(sidToString(hex('01 02 00 00 00 00 00 05 20 00 00 00 20 02 00 00'))).toBe('S-1-5-32-544');
  });

  it('renders a domain user SID recorded from Samba AD', () => {
    const recorded = hex(
      '01 05 00 00 00 00 00 05 15 00 00 00 62 86 ff 59 80 f9 95 d5 d0 e2 e3 79 4e 04 00 00',
    );
    expect(sidToString(recorded)).toBe('S-1-5-21-1509918306-3583375744-2044977872-1102');
  });

  it('refuses a truncated SID', () => {
    expect(() => sidToString(hex('01 05 00 00 00 00 00 05 15 00 00 00'))).toThrow(/bytes/);
  });
});

describe('FILETIME', () => {
  it('converts 100-ns intervals since 1601 to ISO dates', () => {
    expect(fileTimeToIso('116444736000000000')).toBe('1970-01-01T00:00:00.000Z');
    expect(fileTimeToIso('133485408000000000')).toBe('2024-01-01T00:00:00.000Z');
    expect(isoToFileTime('2024-01-01T00:00:00.000Z')).toBe('133485408000000000');
  });

  it('treats 0 and 0x7FFFFFFFFFFFFFFF as never', () => {
    expect(fileTimeToIso('0')).toBeNull();
    expect(fileTimeToIso('9223372036854775807')).toBeNull();
  });

  it('refuses text that is not a number', () => {
    expect(() => fileTimeToIso('soon')).toThrow(/FILETIME/);
  });
});

describe('userAccountControl', () => {
  it('reads bit 2 (ACCOUNTDISABLE) whatever the other flags', () => {
    expect(isAccountDisabled(512)).toBe(false);
    expect(isAccountDisabled(514)).toBe(true);
    expect(isAccountDisabled(66048)).toBe(false);
    expect(isAccountDisabled(66050)).toBe(true);
  });

  it('changes only bit 2', () => {
    expect(withAccountDisabled(66048, true)).toBe(66050);
    expect(withAccountDisabled(66050, false)).toBe(66048);
    expect(withAccountDisabled(514, true)).toBe(514);
  });
});

describe('GeneralizedTime', () => {
  it('reads OpenLDAP, AD and offset forms as UTC', () => {
    expect(generalizedTimeToIso('20240131120000Z')).toBe('2024-01-31T12:00:00.000Z');
    expect(generalizedTimeToIso('20240131120000.0Z')).toBe('2024-01-31T12:00:00.000Z');
    expect(generalizedTimeToIso('20240131210000+0900')).toBe('2024-01-31T12:00:00.000Z');
    expect(generalizedTimeToIso('2024013112Z')).toBe('2024-01-31T12:00:00.000Z');
    expect(generalizedTimeToIso('yesterday')).toBeNull();
    expect(isoToGeneralizedTime('2024-01-31T12:00:00.999Z')).toBe('20240131120000Z');
  });
});
