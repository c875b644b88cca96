import { describe, expect, it } from 'vitest';
import { encodeQuery, eqFilter } from '../../../../../src-main/connectors/scim/filter';

describe('eqFilter', () => {
  it('writes the value as a JSON string', () => {
    expect(eqFilter('userName', 'ann@contoso.com')).toBe('userName eq "ann@contoso.com"');
  });

  it('escapes quotes and backslashes (§17.3)', () => {
    expect(eqFilter('userName', 'o"brien\\x')).toBe(String.raw`userName eq "o\"brien\\x"`);
  });

  it('escapes control characters and keeps non-ASCII text', () => {
    expect(eqFilter('displayName', 'a\tb\nč')).toBe('displayName eq "a\\tb\\nč"');
  });
});

describe('encodeQuery', () => {
  it('URL-encodes after JSON escaping, with %20 for spaces', () => {
    expect(encodeQuery([['filter', eqFilter('userName', 'a "b" & c+d')]])).toBe(
      'filter=userName%20eq%20%22a%20%5C%22b%5C%22%20%26%20c%2Bd%22',
    );
  });

  it('keeps parameter order', () => {
    expect(
      encodeQuery([
        ['excludedAttributes', 'members'],
        ['filter', 'displayName eq "Sales"'],
      ]),
    ).toBe('excludedAttributes=members&filter=displayName%20eq%20%22Sales%22');
  });
});
