import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../../../src-main/connectors/connector';
import {
  elementPathText,
  parseAttributePath,
  readPathValue,
  removePathValue,
  writePathValue,
} from '../../../../../src-main/connectors/scim/paths';

const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('parseAttributePath', () => {
  it('reads a top-level attribute', () => {
    expect(parseAttributePath('displayName')).toEqual({
      text: 'displayName',
      schema: null,
      attribute: 'displayName',
      filter: null,
      subAttribute: null,
    });
  });

  it('reads a sub-attribute', () => {
    expect(parseAttributePath('name.givenName')).toMatchObject({
      attribute: 'name',
      subAttribute: 'givenName',
    });
  });

  it('reads a value filter with a JSON-escaped string', () => {
    expect(parseAttributePath('emails[type eq "work"].value')).toMatchObject({
      attribute: 'emails',
      filter: { attribute: 'type', value: 'work' },
      subAttribute: 'value',
    });
    expect(parseAttributePath(String.raw`x[type eq "a\"b\\c"]`).filter).toEqual({
      attribute: 'type',
      value: 'a"b\\c',
    });
  });

  it('keeps "True" in a role filter as Entra writes it', () => {
    expect(parseAttributePath('roles[primary eq "True"].display').filter).toEqual({
      attribute: 'primary',
      value: 'True',
    });
  });

  it('splits an extension URN path at the last colon', () => {
    expect(parseAttributePath(`${enterprise}:department`)).toMatchObject({
      schema: enterprise,
      attribute: 'department',
      subAttribute: null,
    });
    expect(parseAttributePath(`${enterprise}:manager.displayName`)).toMatchObject({
      schema: enterprise,
      attribute: 'manager',
      subAttribute: 'displayName',
    });
    expect(parseAttributePath('urn:ietf:params:scim:schemas:extension:Contoso:2.0:User:badge')).toMatchObject(
      {
        schema: 'urn:ietf:params:scim:schemas:extension:Contoso:2.0:User',
        attribute: 'badge',
      },
    );
  });

  it('rejects what it cannot write with SchemaAttributeNotFound', () => {
    for (const bad of ['', 'a b', 'emails[type co "w"].value', 'urn:only', 'name..x']) {
      expect(() => parseAttributePath(bad)).toThrow(ConnectorError);
    }
    expect(() => parseAttributePath('a b')).toThrow(
      expect.objectContaining({ code: 'SchemaAttributeNotFound' }),
    );
  });

  it('writes the element path of a filtered path', () => {
    expect(elementPathText(parseAttributePath('emails[type eq "work"].value'))).toBe(
      'emails[type eq "work"]',
    );
    expect(elementPathText(parseAttributePath('x[primary eq true].value'))).toBe('x[primary eq true]');
  });
});

describe('readPathValue', () => {
  const user = {
    userName: 'ann@contoso.com',
    Active: false,
    name: { givenName: 'Ann', familyName: 'Lee' },
    emails: [
      { type: 'Work', value: 'ann@contoso.com', primary: true },
      { type: 'other', value: 'a1@contoso.com' },
      { type: 'other', value: 'a2@contoso.com' },
    ],
    roles: [{ primary: true, value: 'Admin', display: 'Administrator' }],
    [enterprise]: { department: 'Sales', manager: { value: 'm-1', displayName: 'Boss' } },
  };
  const read = (path: string) => readPathValue(user, parseAttributePath(path));

  it('reads top-level attributes case-insensitively (RFC 7643 §2.1)', () => {
    expect(read('username')).toBe('ann@contoso.com');
    expect(read('active')).toBe(false);
    expect(read('title')).toBeNull();
  });

  it('reads sub-attributes and typed elements', () => {
    expect(read('name.familyName')).toBe('Lee');
    expect(read('emails[type eq "work"].value')).toBe('ann@contoso.com');
    expect(read('emails[type eq "other"].value')).toEqual(['a1@contoso.com', 'a2@contoso.com']);
    expect(read('emails[type eq "home"].value')).toBeNull();
    expect(read('roles[primary eq "True"].display')).toBe('Administrator');
  });

  it('reads extension attributes, and a manager as its id', () => {
    expect(read(`${enterprise}:department`)).toBe('Sales');
    expect(read(`${enterprise}:manager`)).toBe('m-1');
    expect(read(`${enterprise}:costCenter`)).toBeNull();
  });

  it('reads a plain multi-valued attribute as the list of its values', () => {
    expect(read('emails')).toEqual(['ann@contoso.com', 'a1@contoso.com', 'a2@contoso.com']);
  });
});

describe('writePathValue and removePathValue', () => {
  it('shares one element between mappings with the same filter, and a work email is primary', () => {
    const body: Record<string, unknown> = {};
    writePathValue(body, parseAttributePath('addresses[type eq "work"].streetAddress'), '1 Main St');
    writePathValue(body, parseAttributePath('addresses[type eq "work"].postalCode'), '98052');
    writePathValue(body, parseAttributePath('emails[type eq "work"].value'), 'ann@contoso.com');
    expect(body).toEqual({
      addresses: [{ type: 'work', streetAddress: '1 Main St', postalCode: '98052' }],
      emails: [{ primary: true, type: 'work', value: 'ann@contoso.com' }],
    });
  });

  it('turns a list on a typed path into one element per value', () => {
    const body: Record<string, unknown> = {};
    writePathValue(body, parseAttributePath('emails[type eq "other"].value'), ['a@x', 'b@x']);
    expect(body).toEqual({
      emails: [
        { type: 'other', value: 'a@x' },
        { type: 'other', value: 'b@x' },
      ],
    });
  });

  it('seeds a role element the way Entra documents it', () => {
    const body: Record<string, unknown> = {};
    writePathValue(body, parseAttributePath('roles[primary eq "True"].value'), 'Admin');
    expect(body).toEqual({
      roles: [{ primary: true, type: 'WindowsAzureActiveDirectoryRole', value: 'Admin' }],
    });
  });

  it('writes a manager as { value }', () => {
    const body: Record<string, unknown> = {};
    writePathValue(body, parseAttributePath(`${enterprise}:manager`), 'm-1');
    expect(body).toEqual({ manager: { value: 'm-1' } });
  });

  it('replaces existing values and removes elements or sub-attributes', () => {
    const resource: Record<string, unknown> = {
      Title: 'Old',
      name: { givenName: 'Ann', familyName: 'Lee' },
      addresses: [{ type: 'work', streetAddress: '1 Main', postalCode: '1' }],
      emails: [{ type: 'work', value: 'a@x' }],
    };
    writePathValue(resource, parseAttributePath('title'), 'New');
    writePathValue(resource, parseAttributePath('emails[type eq "work"].value'), 'b@x');
    removePathValue(resource, parseAttributePath('name.familyName'));
    removePathValue(resource, parseAttributePath('addresses[type eq "work"].postalCode'));
    expect(resource).toEqual({
      Title: 'New',
      name: { givenName: 'Ann' },
      addresses: [{ type: 'work', streetAddress: '1 Main' }],
      emails: [{ type: 'work', value: 'b@x' }],
    });
    removePathValue(resource, parseAttributePath('emails[type eq "work"].value'));
    expect(resource['emails']).toBeUndefined();
  });
});
