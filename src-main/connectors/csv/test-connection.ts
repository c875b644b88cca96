/**
 * "Test connection" for a CSV source: the same validation a cycle runs, so "ok" means the next cycle
 * can read the file. The details say what was found (encoding, delimiter, rows, columns), also on
 * failure as far as the check got, so the admin sees, say, that the file was read as Windows-1252.
 */
import { isConnectorError, type ConnectionTestResult } from '../connector';
import { type CsvSourceOptions } from './csv-options';
import { describeDelimiter } from './delimiter';
import { describeEncoding } from './encoding';
import { prepareSource, type PreparedSource } from './prepare';
import { validateSource } from './validate-source';

type Detail = ConnectionTestResult['details'][number];

const columnListLimit = 40;

function fileDetails(prepared: PreparedSource): Detail[] {
  const { sniffed, plan } = prepared;
  const names = plan.columns.map((c) => c.name);
  const shown = names.slice(0, columnListLimit).join(', ');
  const key = plan.columns[plan.key]?.name ?? '';
  return [
    { label: 'File', labelCode: 'file', value: sniffed.file.path },
    {
      label: 'Encoding',
      labelCode: 'encoding',
      value: `${describeEncoding(sniffed.encoding)}${sniffed.encoding.evidence === 'forced' ? ' (as set)' : ' (detected)'}`,
      valueCode: sniffed.encoding.evidence === 'forced' ? 'asSet' : 'detected',
      valueParams: { value: describeEncoding(sniffed.encoding) },
    },
    {
      label: 'Delimiter',
      labelCode: 'delimiter',
      value: `${describeDelimiter(sniffed.delimiter)}${sniffed.delimiterDetected ? ' (detected)' : ' (as set)'}`,
      valueCode: sniffed.delimiterDetected ? 'detected' : 'asSet',
      valueParams: { value: describeDelimiter(sniffed.delimiter) },
    },
    {
      label: 'Columns',
      labelCode: 'columns',
      value: `${names.length}: ${shown}${names.length > columnListLimit ? `, … (${names.length - columnListLimit} more)` : ''}`,
    },
    {
      label: 'Key column',
      labelCode: 'keyColumn',
      value: plan.keyGuessed ? `${key} (recognised by its name)` : key,
      ...(plan.keyGuessed ? { valueCode: 'keyRecognised', valueParams: { value: key } } : {}),
    },
  ];
}

export async function testCsvConnection(options: CsvSourceOptions): Promise<ConnectionTestResult> {
  let details: Detail[] = [];
  try {
    const prepared = await prepareSource(options);
    details = fileDetails(prepared);
    const groupsConfigured = options.groupsColumn !== undefined || options.membershipsFile !== undefined;
    const validated = await validateSource(prepared, options, groupsConfigured);
    details.push({ label: 'Rows', labelCode: 'rows', value: validated.rows.toLocaleString('en-US') });
    if (groupsConfigured)
      details.push({
        label: 'Groups',
        labelCode: 'groups',
        value: validated.groups.length.toLocaleString('en-US'),
      });
    details.push({ label: 'Warnings', labelCode: 'warnings', value: String(validated.warnings.length) });
    for (const warning of validated.warnings.slice(0, 3))
      details.push({ label: 'Warning', labelCode: 'warning', value: warning.message });
    const { sniffed } = prepared;
    return {
      ok: true,
      summary: `${sniffed.file.name}: ${validated.rows.toLocaleString('en-US')} rows, ${prepared.plan.columns.length} columns, ${describeEncoding(sniffed.encoding)}, ${describeDelimiter(sniffed.delimiter)}-separated.`,
      summaryCode: 'csvRead',
      summaryParams: {
        file: sniffed.file.name,
        rows: String(validated.rows),
        columns: String(prepared.plan.columns.length),
        encoding: describeEncoding(sniffed.encoding),
        delimiter: describeDelimiter(sniffed.delimiter),
      },
      details,
    };
  } catch (error) {
    if (!isConnectorError(error)) throw error;
    return {
      ok: false,
      summary: error.message.split('\n')[0] ?? error.message,
      details,
      error: { code: error.code, message: error.message },
    };
  }
}
