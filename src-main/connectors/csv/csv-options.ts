/**
 * Everything the CSV source connector can be told. It extends the connection's CsvSettings
 * (src-shared/domain/connections.ts) with the options a directory/HR export needs: column roles
 * (key, manager, status, groups, display name), column types, multi-valued columns and a memberships
 * file. The engine passes the saved connection settings through this schema unchanged.
 */
import { z } from 'zod';
import { csvSettingsSchema } from '@shared/domain/connections';

/** `utf16be` is accepted here although CsvSettings lacks it: a BOM-less big-endian file needs it forced. */
export const csvEncodingOptions = ['auto', 'utf8', 'utf16le', 'utf16be', 'cp949', 'windows1252'] as const;
export type CsvEncodingOption = (typeof csvEncodingOptions)[number];

export const csvDelimiterOptions = ['auto', ',', ';', '\t'] as const;
export type CsvDelimiterOption = (typeof csvDelimiterOptions)[number];

/** The types a CSV cell can be read as; Reference is reserved for the manager column. */
export const csvColumnTypes = ['String', 'Integer', 'Boolean', 'DateTime'] as const;
export type CsvColumnType = (typeof csvColumnTypes)[number];

const columnName = z.string().trim().min(1, 'Give a column name');
const optionalColumn = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));
const separator = z.string().min(1, 'A separator cannot be empty').max(3);

/**
 * A second file listing group memberships, one row per (group, member). `groupColumn` holds the
 * group's anchor (a name or an id); with `groupNameColumn` set, the display name comes from there.
 * Members are user keys (the main file's key column).
 */
export const csvMembershipsFileSchema = z.object({
  path: z.string().trim().min(1, 'Required'),
  encoding: z.enum(csvEncodingOptions).default('auto'),
  delimiter: z.enum(csvDelimiterOptions).default('auto'),
  groupColumn: columnName.default('group'),
  memberColumn: columnName.default('member'),
  groupNameColumn: optionalColumn,
});
export type CsvMembershipsFile = z.infer<typeof csvMembershipsFileSchema>;

export const csvSourceOptionsSchema = csvSettingsSchema
  .extend({
    encoding: z.enum(csvEncodingOptions).default('auto'),
    keyColumn: optionalColumn,
    /** Columns whose cells hold several values separated by `multiValueSeparator`. */
    multiValuedColumns: z.array(columnName).default([]),
    /** Column name → type; unlisted columns are String. */
    columnTypes: z.record(z.string(), z.enum(csvColumnTypes)).default({}),
    /** The column holding the display name; otherwise givenName + surname, otherwise the key. */
    displayNameColumn: optionalColumn,
    givenNameColumn: optionalColumn,
    surnameColumn: optionalColumn,
    /** Holds another row's key: read as a Reference to that user. */
    managerColumn: optionalColumn,
    /** A status column: a cell equal (case-insensitively) to a listed value disables or soft-deletes the row. */
    statusColumn: optionalColumn,
    disabledValues: z.array(z.string().trim().min(1)).default(['Disabled', 'Inactive', 'Suspended']),
    softDeletedValues: z.array(z.string().trim().min(1)).default(['Terminated', 'Deleted']),
    /** Each cell lists the row's groups, separated by `groupsSeparator`; the group's anchor is its name. */
    groupsColumn: optionalColumn,
    groupsSeparator: separator.default(';'),
    membershipsFile: csvMembershipsFileSchema.optional(),
    pageSize: z.number().int().min(1).max(10_000).default(500),
    /** A record longer than this (in characters) is refused: usually a quote that is never closed. */
    maxRecordChars: z.number().int().min(1_000).max(100_000_000).default(1_000_000),
  })
  .superRefine((o, ctx) => {
    if (o.multiValuedColumns.length > 0 && o.multiValueSeparator === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['multiValueSeparator'],
        message: 'Multi-valued columns need a separator',
      });
    }
    const lower = (values: string[]): Set<string> => new Set(values.map((v) => v.toLowerCase()));
    const disabled = lower(o.disabledValues);
    for (const value of o.softDeletedValues) {
      if (disabled.has(value.toLowerCase())) {
        ctx.addIssue({
          code: 'custom',
          path: ['softDeletedValues'],
          message: `"${value}" is listed both as a disabled and as a soft-deleted status`,
        });
      }
    }
    if (o.managerColumn !== undefined && o.keyColumn !== undefined && o.managerColumn === o.keyColumn) {
      ctx.addIssue({
        code: 'custom',
        path: ['managerColumn'],
        message: 'The manager column cannot be the key column',
      });
    }
  });

export type CsvSourceOptionsInput = z.input<typeof csvSourceOptionsSchema>;
export type CsvSourceOptions = z.output<typeof csvSourceOptionsSchema>;
