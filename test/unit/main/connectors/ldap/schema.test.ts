/**
 * Subschema descriptions as OpenLDAP 2.5 and AD (Samba 4.17, recorded) write them: OpenLDAP quotes
 * names and inherits syntaxes through SUP; AD quotes syntax OIDs and names no SUP.
 */
import { describe, expect, it } from 'vitest';
import { AttributeCatalog } from '../../../../../src-main/connectors/ldap/attribute-catalog';
import {
  parseAttributeType,
  parseObjectClass,
} from '../../../../../src-main/connectors/ldap/schema-descriptions';
import { sourceSchema } from '../../../../../src-main/connectors/ldap/source-schema';

const openldap = [
  "( 2.5.4.41 NAME 'name' DESC 'RFC4519: common supertype of name attributes' EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15{32768} )",
  "( 2.5.4.3 NAME ( 'cn' 'commonName' ) DESC 'RFC4519: common name(s) for which the entity is known by' SUP name )",
  "( 2.5.4.12 NAME 'title' DESC 'RFC2256: title associated with the entity' SUP name )",
  "( 0.9.2342.19200300.100.1.10 NAME 'manager' DESC 'RFC1274: DN of manager' EQUALITY distinguishedNameMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.12 )",
  "( 2.16.840.1.113730.3.1.39 NAME 'preferredLanguage' DESC 'RFC2798: preferred written or spoken language for a person' EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )",
  "( 0.9.2342.19200300.100.1.60 NAME 'jpegPhoto' DESC 'RFC2798: a JPEG image' SYNTAX 1.3.6.1.4.1.1466.115.121.1.28 )",
  "( 1.3.6.1.1.16.4 NAME 'entryUUID' DESC 'UUID of the entry' EQUALITY UUIDMatch ORDERING UUIDOrderingMatch SYNTAX 1.3.6.1.1.16.1 SINGLE-VALUE NO-USER-MODIFICATION USAGE directoryOperation )",
  "( 2.5.4.35 NAME 'userPassword' DESC 'RFC4519/2307: password of user' EQUALITY octetStringMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.40{128} )",
  "( 2.5.4.31 NAME 'member' DESC 'RFC2256: member of a group' SUP distinguishedName )",
  "( 2.5.4.49 NAME 'distinguishedName' DESC 'RFC4519: common supertype of DN attributes' EQUALITY distinguishedNameMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.12 )",
];
const ad = [
  "( 0.9.2342.19200300.100.1.10 NAME 'manager' SYNTAX '1.3.6.1.4.1.1466.115.121.1.12' SINGLE-VALUE )",
  "( 1.2.840.113556.1.4.159 NAME 'accountExpires' SYNTAX '1.2.840.113556.1.4.906' SINGLE-VALUE )",
  "( 1.2.840.113556.1.4.2 NAME 'objectGUID' SYNTAX '1.3.6.1.4.1.1466.115.121.1.40' SINGLE-VALUE NO-USER-MODIFICATION )",
  "( 2.5.4.31 NAME 'member' SYNTAX '1.3.6.1.4.1.1466.115.121.1.12' )",
  "( 1.2.840.113556.1.4.656 NAME 'userPrincipalName' SYNTAX '1.3.6.1.4.1.1466.115.121.1.15' SINGLE-VALUE )",
  "( 1.2.840.113556.1.4.8 NAME 'userAccountControl' SYNTAX '1.3.6.1.4.1.1466.115.121.1.27' SINGLE-VALUE )",
];
const classes = [
  "( 2.5.6.6 NAME 'person' DESC 'RFC2256: a person' SUP top STRUCTURAL MUST ( sn $ cn ) MAY ( userPassword $ telephoneNumber $ seeAlso $ description ) )",
  "( 2.16.840.1.113730.3.2.2 NAME 'inetOrgPerson' DESC 'RFC2798: Internet Organizational Person' SUP person STRUCTURAL MAY ( title $ manager $ preferredLanguage $ jpegPhoto ) )",
  "( 2.5.6.9 NAME 'groupOfNames' DESC 'RFC2256: a group of names (DNs)' SUP top STRUCTURAL MUST ( member $ cn ) MAY description )",
];

describe('schema descriptions (RFC 4512 §4.1)', () => {
  it('reads names, SUP, syntax without its bound, flags and usage', () => {
    expect(parseAttributeType(openldap[1] as string)).toMatchObject({
      oid: '2.5.4.3',
      names: ['cn', 'commonName'],
      sup: 'name',
      syntax: null,
      singleValue: false,
    });
    expect(parseAttributeType(openldap[0] as string).syntax).toBe('1.3.6.1.4.1.1466.115.121.1.15');
    expect(parseAttributeType(openldap[6] as string)).toMatchObject({
      singleValue: true,
      noUserModification: true,
      usage: 'directoryOperation',
    });
    expect(parseAttributeType(ad[1] as string)).toMatchObject({
      names: ['accountExpires'],
      syntax: '1.2.840.113556.1.4.906',
      singleValue: true,
    });
    expect(parseObjectClass(classes[1] as string)).toMatchObject({
      names: ['inetOrgPerson'],
      sup: ['person'],
      kind: 'STRUCTURAL',
      may: ['title', 'manager', 'preferredLanguage', 'jpegPhoto'],
    });
    expect(parseObjectClass(classes[2] as string)).toMatchObject({
      must: ['member', 'cn'],
      may: ['description'],
    });
    expect(() => parseAttributeType('NAME cn')).toThrow();
  });

  it('types attributes through the SUP chain; AD FILETIMEs as dates, objectGUID as text', () => {
    const catalog = new AttributeCatalog(
      [...openldap, ...ad.slice(1)].map(parseAttributeType),
      classes.map(parseObjectClass),
    );
    expect(catalog.get('commonName')).toMatchObject({ name: 'cn', type: 'String', multiValued: true });
    expect(catalog.get('MANAGER')).toMatchObject({ type: 'Reference' });
    expect(catalog.get('member')).toMatchObject({ type: 'Reference' });
    expect(catalog.get('jpegPhoto')).toMatchObject({ type: 'Binary' });
    expect(catalog.get('accountExpires')).toMatchObject({ type: 'DateTime', fileTime: true });
    expect(catalog.get('objectGUID')).toMatchObject({ type: 'String' });
    expect(catalog.get('userAccountControl')).toMatchObject({ type: 'Integer' });
    expect(catalog.get('entryUUID')).toMatchObject({ operational: true, readOnly: true });
    expect(catalog.binaryNames()).toEqual(
      expect.arrayContaining(['objectGUID', 'jpegPhoto', 'userPassword']),
    );
    expect(catalog.attributesOfClass('inetOrgPerson')).toEqual({
      must: ['sn', 'cn'],
      may: [
        'title',
        'manager',
        'preferredLanguage',
        'jpegPhoto',
        'userPassword',
        'telephoneNumber',
        'seeAlso',
        'description',
      ],
    });
  });

  it('offers the class attributes as source attributes, without passwords, with Roster’s own', () => {
    const catalog = new AttributeCatalog(openldap.map(parseAttributeType), classes.map(parseObjectClass));
    const schema = sourceSchema(catalog, {
      userClasses: ['inetOrgPerson'],
      groupClasses: ['groupOfNames'],
      anchorAttribute: 'entryUUID',
      groups: true,
    });
    const users = schema.filter((a) => a.objectType === 'User').map((a) => a.name);
    expect(users).toEqual(
      expect.arrayContaining(['entryUUID', 'dn', 'accountEnabled', 'cn', 'title', 'manager']),
    );
    expect(users).not.toContain('userPassword');
    const groups = schema.filter((a) => a.objectType === 'Group');
    expect(groups.find((a) => a.name === 'members')).toMatchObject({ type: 'Reference', multiValued: true });
    expect(groups.some((a) => a.name === 'member')).toBe(false);
  });
});
