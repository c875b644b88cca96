/**
 * Reads the subschema subentry the root DSE names (RFC 4512 §4.2): attributeTypes and objectClasses,
 * parsed into an AttributeCatalog. A description that does not parse is left out (and counted), not
 * guessed at; a directory whose schema cannot be read at all stops with a clear error.
 */
import { ConnectorError } from '../connector';
import { AttributeCatalog } from './attribute-catalog';
import { textsOf } from './ldap-entry';
import type { LdapSession } from './ldap-session';
import {
  parseAttributeType,
  parseObjectClass,
  type AttributeTypeDescription,
  type ObjectClassDescription,
} from './schema-descriptions';

export interface LoadedSchema {
  catalog: AttributeCatalog;
  /** Descriptions that did not parse. */
  skipped: number;
}

export async function loadSchema(session: LdapSession): Promise<LoadedSchema> {
  const subschema = session.rootDse.subschemaSubentry;
  if (!subschema) {
    throw new ConnectorError(
      'stopCycle',
      'SchemaUnreadable',
      'The server’s root DSE names no subschema subentry.',
    );
  }
  // AD answers the aggregate entry only to (objectClass=subSchema); OpenLDAP to that too.
  const entries = await session.search(subschema, {
    scope: 'base',
    filter: '(objectClass=subschema)',
    attributes: ['attributeTypes', 'objectClasses'],
  });
  const entry = entries[0];
  if (!entry) {
    throw new ConnectorError(
      'stopCycle',
      'SchemaUnreadable',
      `The subschema entry ${subschema} could not be read.`,
    );
  }
  let skipped = 0;
  const types: AttributeTypeDescription[] = [];
  for (const text of textsOf(entry, 'attributeTypes')) {
    try {
      types.push(parseAttributeType(text));
    } catch {
      skipped++;
    }
  }
  const classes: ObjectClassDescription[] = [];
  for (const text of textsOf(entry, 'objectClasses')) {
    try {
      classes.push(parseObjectClass(text));
    } catch {
      skipped++;
    }
  }
  if (types.length === 0) {
    throw new ConnectorError(
      'stopCycle',
      'SchemaUnreadable',
      `${subschema} lists no attribute types the bind account can read.`,
    );
  }
  return { catalog: new AttributeCatalog(types, classes), skipped };
}
