import { describe, expect, it } from 'vitest';
import { isConnectorError } from '../../../../../src-main/connectors/connector';
import { planColumns } from '../../../../../src-main/connectors/csv/columns';
import { csvSourceOptionsSchema } from '../../../../../src-main/connectors/csv/csv-options';
import { readCell } from '../../../../../src-main/connectors/csv/values';

function planError(headers: string[], settings: Record<string, unknown> = {}): string {
  const options = csvSourceOptionsSchema.parse({ path: '/hr.csv', keyColumn: 'employeeId', ...settings });
  try {
    planColumns('hr.csv', headers, options);
  } catch (error) {
    if (isConnectorError(error)) return error.message;
    throw error;
  }
  throw new Error('expected the header to be refused');
}

/** Issue 8: bad data is quoted as a short excerpt; a 10 MB header must not make a 7 MB message. */
describe('CSV messages quote at most a short excerpt of the file', () => {
  const table: { what: string; headers: string[]; settings?: Record<string, unknown> }[] = [
    { what: 'one 10 MB column name', headers: ['a', 'y'.repeat(10_000_000)] },
    { what: '100,000 column names', headers: Array.from({ length: 100_000 }, (_, i) => `column${i}`) },
    {
      what: '50,000 duplicate column names',
      headers: ['employeeId', ...Array.from({ length: 50_000 }, () => 'x'.repeat(100))],
    },
    {
      what: '100,000 unnamed columns',
      headers: ['employeeId', ...Array.from({ length: 100_000 }, () => '')],
    },
    {
      what: 'a 1 MB wanted column name',
      headers: ['employeeId'],
      settings: { managerColumn: 'm'.repeat(1_000_000) },
    },
  ];
  // What is checked is the message's size; building a 10 MB header takes seconds on a loaded machine,
  // so the default 5 s would test the machine instead.
  it.each(table)(
    '$what',
    ({ headers, settings }) => {
      const message = planError(headers, settings);
      expect(message.length).toBeLessThan(5_000);
    },
    60_000,
  );

  it('names the column and suggests the closest one, as before', () => {
    expect(planError(['employeeId', 'manager'], { managerColumn: 'manger' })).toContain(
      'hr.csv:1 has no column "manger" (the manager column). Columns found: "employeeId", "manager". Did you mean "manager"?',
    );
  });

  it('quotes a megabyte cell short in a value problem', () => {
    const result = readCell(`x${'9'.repeat(1_000_000)}`, { name: 'level', type: 'Integer', separator: null });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.length).toBeLessThan(200);
  });
});
