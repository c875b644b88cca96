import { describe, expect, it } from 'vitest';
import {
  buildDn,
  escapeDnValue,
  isWithin,
  leafRdn,
  normalizeDn,
  parentDn,
  parseDn,
  sameDn,
  unescapeDnValue,
} from '../../../../../src-main/connectors/ldap/dn';
import {
  andFilter,
  equalityFilter,
  escapeFilterBytes,
  escapeFilterValue,
  orFilter,
} from '../../../../../src-main/connectors/ldap/filter';

describe('RFC 4514 DN escaping', () => {
  it.each([
    ['Kim, Min-jun', 'Kim\\, Min-jun'],
    ['A+B', 'A\\+B'],
    ['"Quoted"', '\\"Quoted\\"'],
    ['back\\slash', 'back\\\\slash'],
    ['semi;colon<>', 'semi\\;colon\\<\\>'],
    ['#hash', '\\#hash'],
    ['in#side', 'in#side'],
    [' leading', '\\ leading'],
    ['trailing ', 'trailing\\ '],
    ['김민준', '김민준'],
    ['Zoë', 'Zoë'],
    ['nul\u0000', 'nul\\00'],
  ])('escapes %j as %j', (value, escaped) => {
    expect(escapeDnValue(value)).toBe(escaped);
    expect(unescapeDnValue(escaped)).toBe(value);
  });

  it('writes hex escapes when asked (for ldapts modifyDN)', () => {
    expect(escapeDnValue('Kim, Min-jun', true)).toBe('Kim\\2C Min-jun');
    expect(escapeDnValue(' x ', true)).toBe('\\20x\\20');
  });

  it('reads hex escapes as UTF-8 bytes', () => {
    expect(unescapeDnValue('Zo\\C3\\AB')).toBe('Zoë');
    expect(unescapeDnValue('\\EA\\B9\\80\\EB\\AF\\BC\\EC\\A4\\80')).toBe('김민준');
  });

  it('builds a DN from the RDN attribute, the value and the container', () => {
    expect(buildDn('cn', 'Kim, Min-jun', 'OU=Staff,DC=example,DC=com')).toBe(
      'cn=Kim\\, Min-jun,OU=Staff,DC=example,DC=com',
    );
  });
});

describe('DN parsing and comparison', () => {
  const dn = 'CN=Kim\\, Min-jun+uid=kim,OU=Staff,DC=example,DC=com';

  it('splits at unescaped commas, keeps multi-valued RDNs whole', () => {
    expect(parseDn(dn).map((r) => [r.type, r.value])).toEqual([
      ['CN', 'Kim, Min-jun'],
      ['OU', 'Staff'],
      ['DC', 'example'],
      ['DC', 'com'],
    ]);
    expect(leafRdn(dn)).toBe('CN=Kim\\, Min-jun+uid=kim');
    expect(parentDn(dn)).toBe('OU=Staff,DC=example,DC=com');
    expect(parseDn('')).toEqual([]);
    expect(() => parseDn('not a dn')).toThrow(/not a distinguished name/);
  });

  it('treats spellings of the same DN as equal: case, escapes, spaces, RDN order', () => {
    expect(
      sameDn(
        'cn=Kim\\2C Min-jun,ou=Staff,dc=example,dc=com',
        'CN=Kim\\, Min-jun, OU=Staff, DC=example, DC=com',
      ),
    ).toBe(true);
    expect(sameDn('cn=a+uid=b,dc=x', 'uid=b+cn=a,dc=x')).toBe(true);
    expect(sameDn('cn=a,dc=x', 'cn=b,dc=x')).toBe(false);
    expect(normalizeDn('CN=Zo\\C3\\AB,DC=X')).toBe(normalizeDn('cn=zoë,dc=x'));
    expect(isWithin('cn=a,ou=Staff,dc=x', 'OU=staff,DC=X')).toBe(true);
    expect(isWithin('cn=a,ou=Other,dc=x', 'ou=Staff,dc=x')).toBe(false);
  });
});

describe('RFC 4515 filter escaping', () => {
  it('escapes \\ * ( ) and NUL, keeps everything else', () => {
    expect(escapeFilterValue('a*b(c)d\\e\u0000')).toBe('a\\2ab\\28c\\29d\\5ce\\00');
    expect(escapeFilterValue('김민준 Zoë, A+B "Q"')).toBe('김민준 Zoë, A+B "Q"');
    expect(escapeFilterBytes(Buffer.from([0x01, 0xab]))).toBe('\\01\\ab');
  });

  it('builds equality, AND and OR filters; refuses a bad attribute name', () => {
    expect(equalityFilter('mail', 'x)(uid=*')).toBe('(mail=x\\29\\28uid=\\2a)');
    expect(equalityFilter('cn;lang-ko', '김')).toBe('(cn;lang-ko=김)');
    expect(() => equalityFilter('mail)(x', 'y')).toThrow(/not an LDAP attribute name/);
    expect(andFilter('objectClass=user', '(mail=a)', null)).toBe('(&(objectClass=user)(mail=a))');
    expect(andFilter('(a=1)')).toBe('(a=1)');
    expect(orFilter(['(a=1)', '(b=2)'])).toBe('(|(a=1)(b=2))');
  });
});

describe('escaped spaces at the ends', () => {
  it('keeps an escaped trailing space through parsing', () => {
    const dn = buildDn('cn', 'trailing ', 'ou=Staff,dc=x');
    expect(dn).toBe('cn=trailing\\ ,ou=Staff,dc=x');
    expect(parseDn(dn)[0]?.value).toBe('trailing ');
    expect(leafRdn(dn)).toBe('cn=trailing\\ ');
    expect(parentDn(dn)).toBe('ou=Staff,dc=x');
  });
});
