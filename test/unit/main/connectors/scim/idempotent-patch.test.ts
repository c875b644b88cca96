import { describe, expect, it } from 'vitest';
import {
  activeOperation,
  buildAttributeOperations,
  buildMemberPatchBodies,
  buildMemberPatches,
  isIdempotentPatch,
  patchBody,
} from '../../../../../src-main/connectors/scim/patch-builder';

const context = { profile: 'scim2' as const, usersUrl: 'https://app.example.com/scim/Users' };

describe('isIdempotentPatch: may this PATCH be sent again after an unknown outcome?', () => {
  it('replace, remove and single-valued add are idempotent', () => {
    const operations = buildAttributeOperations(
      [
        { path: 'displayName', oldValue: 'Ann', newValue: 'Anne' },
        { path: 'title', oldValue: 'Boss', newValue: '' },
        { path: 'nickName', oldValue: null, newValue: 'Babs' },
        {
          path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
          oldValue: null,
          newValue: 'm1',
          reference: { objectType: 'User' },
        },
      ],
      context,
    );
    expect(isIdempotentPatch(operations)).toBe(true);
    expect(isIdempotentPatch([activeOperation(false, 'scim2')])).toBe(true);
    expect(isIdempotentPatch([activeOperation(false, 'entra-legacy')])).toBe(true);
  });

  it('adding a typed element or list values is not (a repeat may duplicate them)', () => {
    const typed = buildAttributeOperations(
      [{ path: 'emails[type eq "work"].value', oldValue: null, newValue: 'ann@contoso.com' }],
      context,
    );
    expect(isIdempotentPatch(typed)).toBe(false);
    const roles = buildAttributeOperations(
      [{ path: 'roles', oldValue: ['a'], newValue: ['a', 'b'], addOnly: true }],
      context,
    );
    expect(isIdempotentPatch(roles)).toBe(false);
    expect(isIdempotentPatch([{ op: 'add', value: { nickName: 'x' } }])).toBe(false);
  });

  it('a membership request that adds is not; one that only removes is, in both profiles', () => {
    const [addAndRemove, onlyRemove] = buildMemberPatches(['u1'], ['u2', 'u3'], 2, 'scim2');
    expect(isIdempotentPatch(addAndRemove!)).toBe(false);
    expect(isIdempotentPatch(onlyRemove!)).toBe(true);
    const [legacyRemove] = buildMemberPatches([], ['u2'], 2, 'entra-legacy');
    expect(isIdempotentPatch(legacyRemove!)).toBe(true);
    const [legacyAdd] = buildMemberPatches(['u1'], [], 2, 'entra-legacy');
    expect(isIdempotentPatch(legacyAdd!)).toBe(false);
  });

  it('buildMemberPatchBodies wraps the same operations', () => {
    expect(buildMemberPatchBodies(['u1'], ['u2'], 5, 'scim2')).toEqual(
      buildMemberPatches(['u1'], ['u2'], 5, 'scim2').map(patchBody),
    );
  });
});
