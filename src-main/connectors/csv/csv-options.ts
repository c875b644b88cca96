/**
 * Everything the CSV source connector can be told. It extends the connection's CsvSettings
 * (src-shared/domain/connections.ts) with the options a directory/HR export needs: column roles
 * (key, manager, status, groups, display name), column types, multi-valued columns and a memberships
 * file. The engine passes the saved connection settings through this schema unchanged; the keys
 * themselves live with the connection's schema (src-shared/domain/connections.ts), so that saving a
 * connection refuses a misspelt option the connector would never read.
 */
import type { z } from 'zod';
import {
  checkCsvSettings,
  csvColumnTypes,
  csvDelimiters,
  csvEncodings,
  csvMembershipsFileSchema,
  csvSettingsObject,
  defaultDisabledValues,
  defaultSoftDeletedValues,
} from '@shared/domain/connections';

export { csvColumnTypes, csvMembershipsFileSchema };

export const csvEncodingOptions = csvEncodings;
export type CsvEncodingOption = (typeof csvEncodingOptions)[number];

export const csvDelimiterOptions = csvDelimiters;
export type CsvDelimiterOption = (typeof csvDelimiterOptions)[number];

export type CsvColumnType = (typeof csvColumnTypes)[number];
export type CsvMembershipsFile = z.infer<typeof csvMembershipsFileSchema>;

const shape = csvSettingsObject.shape;

/**
 * The saved settings with the connector's defaults filled in. The keys and their checks are the
 * connection's own, defined once in src-shared, where saving refuses unknown keys. Reading is
 * lenient on purpose: a connection saved before settings were strict may still hold a stray key,
 * and that must not stop its cycles now (it is refused the next time the connection is saved).
 */
export const csvSourceOptionsSchema = csvSettingsObject
  .extend({
    multiValuedColumns: shape.multiValuedColumns.unwrap().default([]),
    columnTypes: shape.columnTypes.unwrap().default({}),
    disabledValues: shape.disabledValues.unwrap().default(defaultDisabledValues),
    softDeletedValues: shape.softDeletedValues.unwrap().default(defaultSoftDeletedValues),
    groupsSeparator: shape.groupsSeparator.unwrap().default(';'),
    pageSize: shape.pageSize.unwrap().default(500),
    maxRecordChars: shape.maxRecordChars.unwrap().default(1_000_000),
    membershipsFile: csvMembershipsFileSchema.strip().optional(),
  })
  .strip()
  .superRefine(checkCsvSettings);

export type CsvSourceOptionsInput = z.input<typeof csvSourceOptionsSchema>;
export type CsvSourceOptions = z.output<typeof csvSourceOptionsSchema>;
