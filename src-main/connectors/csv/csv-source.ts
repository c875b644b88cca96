/**
 * The CSV source connector: a directory or HR export file (plus, optionally, a memberships file) as
 * Users and Groups. See csv-options.ts for what it can be told, and the files next to this one for
 * each step: sniff (encoding, delimiter, header) → columns (roles, types) → scan (validate every row)
 * → user-pages (stream the objects).
 */
import { resolve } from 'node:path';
import { type SourceCapabilities, type SourceConnector, type SourceReadOptions } from '../connector';
import { csvSourceOptionsSchema, type CsvSourceOptionsInput } from './csv-options';
import { csvError } from './csv-errors';
import { csvFingerprint } from './fingerprint';
import { readCsvSource, type CsvSourceRead } from './csv-read';
import { prepareSource } from './prepare';
import { groupSchema, userSchema } from './source-schema';
import { testCsvConnection } from './test-connection';

export interface CsvSourceConnector extends SourceConnector {
  /** Resolves after the whole source validated; the result carries the validation's warnings. */
  read(options: SourceReadOptions): Promise<CsvSourceRead>;
}

export function createCsvSource(input: CsvSourceOptionsInput): CsvSourceConnector {
  const parsed = csvSourceOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`);
    throw csvError('CsvSettingsInvalid', `The CSV connection settings are not valid: ${issues.join('; ')}.`);
  }
  const options = parsed.data;
  const groups = options.groupsColumn !== undefined || options.membershipsFile !== undefined;
  const capabilities: SourceCapabilities = { delta: false, groups, nestedGroups: false };

  return {
    capabilities,
    testConnection: () => testCsvConnection(options),
    async discoverSchema() {
      const prepared = await prepareSource(options);
      const users = userSchema(prepared.plan, prepared.reader.addsDisplayName);
      return groups ? [...users, ...groupSchema()] : users;
    },
    read: (readOptions) => readCsvSource(options, readOptions),
    fingerprint: ({ objectTypes, signal }) => csvFingerprint(options, objectTypes, signal),
    // Every file a read opens: the users file and, when there is one, the memberships file.
    watchTargets: () => [
      resolve(options.path),
      ...(options.membershipsFile ? [resolve(options.membershipsFile.path)] : []),
    ],
  };
}
