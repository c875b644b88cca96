/**
 * The header row, and which column plays which role: key, manager, status, groups, display name,
 * and each column's type and separator. Every problem with the header is reported at once, naming
 * the columns that were found and the closest match for the one that was not.
 */
import { type AttributeType } from '@shared/domain/schema';
import { closestName, normalizeName } from './closest-name';
import { type CsvSourceOptions } from './csv-options';
import { at, joinAnd, problemsError, quote, quoteNames, type CsvProblem } from './csv-errors';

export interface ColumnSpec {
  name: string;
  type: Exclude<AttributeType, 'Binary'>;
  /** Splits the cell into several values; null for single-valued columns. */
  separator: string | null;
}

export interface ColumnPlan {
  columns: ColumnSpec[];
  key: number;
  /** True when the key column was not configured but recognised by its name. */
  keyGuessed: boolean;
  manager: number | null;
  status: number | null;
  groups: number | null;
  displayName: number | null;
  givenName: number | null;
  surname: number | null;
}

/** Names that mean "the employee's id" in HR exports (normalised: lower case, letters and digits). */
const keyNames = new Set([
  'id',
  'employeeid',
  'employeenumber',
  'employeeno',
  'empid',
  'empno',
  'staffid',
  'staffnumber',
  'personid',
  'personnelnumber',
  'userid',
  'workerid',
  '사번',
  '사원번호',
  '직원번호',
]);
const displayNameNames = new Set(['displayname', 'fullname']);
const givenNameNames = new Set(['givenname', 'firstname']);
const surnameNames = new Set(['surname', 'lastname', 'familyname', 'sn']);

function quoteList(names: readonly string[]): string {
  return quoteNames(names.filter((n) => n !== ''));
}

/** Exact name first, then a unique case-insensitive match. */
export function findColumn(headers: readonly string[], name: string): number | null {
  const exact = headers.indexOf(name);
  if (exact !== -1) return exact;
  const lower = name.toLowerCase();
  const matches = headers.flatMap((h, i) => (h.toLowerCase() === lower ? [i] : []));
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

function findByNames(headers: readonly string[], names: ReadonlySet<string>): number[] {
  return headers.flatMap((h, i) => (names.has(normalizeName(h)) ? [i] : []));
}

export function missingColumnProblem(
  fileName: string,
  headers: readonly string[],
  wanted: string,
  role: string,
): CsvProblem {
  const suggestion = closestName(wanted, headers);
  return {
    code: 'CsvColumnMissing',
    message:
      `${at(fileName, 1)} has no column ${quote(wanted)} (${role}). Columns found: ${quoteList(headers)}.` +
      (suggestion ? ` Did you mean ${quote(suggestion)}?` : ''),
    locations: [at(fileName, 1)],
  };
}

/** Column numbers, at most 20 of them: a header of commas has thousands of unnamed columns. */
function listNumbers(numbers: readonly number[]): string {
  const shown = numbers.slice(0, 20).map(String);
  return numbers.length > 20 ? `${shown.join(', ')} and ${numbers.length - 20} more` : joinAnd(shown);
}

function listDuplicates(duplicates: readonly string[]): string {
  const shown = duplicates.slice(0, 20);
  return duplicates.length > 20 ? `${shown.join(', ')} and ${duplicates.length - 20} more` : shown.join(', ');
}

function headerProblems(fileName: string, headers: readonly string[]): CsvProblem[] {
  const problems: CsvProblem[] = [];
  const unnamed = headers.flatMap((h, i) => (h === '' ? [i + 1] : []));
  if (unnamed.length > 0) {
    problems.push({
      code: 'CsvHeaderInvalid',
      message: `${at(fileName, 1)}: column ${listNumbers(unnamed)} of the header ${unnamed.length === 1 ? 'has' : 'have'} no name. Every column needs a name, because it becomes an attribute.`,
      locations: [at(fileName, 1)],
    });
  }
  // Attributes are plain objects keyed by column name: "__proto__" would reach the object's prototype.
  if (headers.includes('__proto__')) {
    problems.push({
      code: 'CsvHeaderInvalid',
      message: `${at(fileName, 1)}: "__proto__" cannot be a column name. Rename that column.`,
      locations: [at(fileName, 1)],
    });
  }
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  for (const h of headers) {
    if (h === '') continue;
    const first = seen.get(h.toLowerCase());
    if (first !== undefined) duplicates.push(first === h ? quote(h) : `${quote(first)} and ${quote(h)}`);
    else seen.set(h.toLowerCase(), h);
  }
  if (duplicates.length > 0) {
    problems.push({
      code: 'CsvHeaderInvalid',
      message: `${at(fileName, 1)}: the header names a column more than once (${listDuplicates(duplicates)}; names are compared ignoring case). Rename one of them.`,
      locations: [at(fileName, 1)],
    });
  }
  return problems;
}

function resolveKey(
  fileName: string,
  headers: readonly string[],
  keyColumn: string | undefined,
): { index: number; guessed: boolean } | CsvProblem {
  if (keyColumn !== undefined) {
    const index = findColumn(headers, keyColumn);
    return index === null
      ? missingColumnProblem(fileName, headers, keyColumn, 'the key column')
      : { index, guessed: false };
  }
  const candidates = findByNames(headers, keyNames);
  if (candidates.length === 1 && candidates[0] !== undefined) return { index: candidates[0], guessed: true };
  const message =
    candidates.length === 0
      ? `Choose the key column of ${fileName}: the column with each person's permanent id (such as employeeId). None of its columns looks like one: ${quoteList(headers)}.`
      : `Choose the key column of ${fileName}: several columns could be the permanent id (${quoteList(candidates.map((i) => headers[i] ?? ''))}).`;
  return { code: 'CsvKeyColumnUnknown', message, locations: [at(fileName, 1)] };
}

/** Resolves every column role of `headers` (already trimmed) or throws one error listing all problems. */
export function planColumns(
  fileName: string,
  headers: readonly string[],
  options: CsvSourceOptions,
): ColumnPlan {
  const problems = headerProblems(fileName, headers);

  const key = resolveKey(fileName, headers, options.keyColumn);
  if ('code' in key) problems.push(key);

  const role = (name: string | undefined, description: string): number | null => {
    if (name === undefined) return null;
    const index = findColumn(headers, name);
    if (index === null) problems.push(missingColumnProblem(fileName, headers, name, description));
    return index;
  };
  const manager = role(options.managerColumn, 'the manager column');
  const status = role(options.statusColumn, 'the status column');
  const groups = role(options.groupsColumn, 'the groups column');
  const guess = (names: ReadonlySet<string>): number | null => {
    const found = findByNames(headers, names);
    return found.length === 1 ? (found[0] ?? null) : null;
  };
  const displayName =
    options.displayNameColumn !== undefined
      ? role(options.displayNameColumn, 'the display name column')
      : guess(displayNameNames);
  const givenName =
    options.givenNameColumn !== undefined
      ? role(options.givenNameColumn, 'the given name column')
      : guess(givenNameNames);
  const surname =
    options.surnameColumn !== undefined
      ? role(options.surnameColumn, 'the surname column')
      : guess(surnameNames);

  const multiValued = new Set<number>();
  for (const name of options.multiValuedColumns) {
    const index = role(name, 'a multi-valued column');
    if (index !== null) multiValued.add(index);
  }
  const types = new Map<number, ColumnSpec['type']>();
  for (const [name, type] of Object.entries(options.columnTypes)) {
    const index = role(name, `typed ${type}`);
    if (index !== null) types.set(index, type);
  }
  for (const index of multiValued) {
    const type = types.get(index);
    if (type !== undefined && type !== 'String') {
      problems.push({
        code: 'CsvHeaderInvalid',
        message: `The multi-valued column ${quote(headers[index] ?? '')} cannot be typed ${type}: multi-valued columns are read as text.`,
        locations: [at(fileName, 1)],
      });
    }
  }
  if (!('code' in key) && multiValued.has(key.index)) {
    problems.push({
      code: 'CsvHeaderInvalid',
      message: `The key column ${quote(headers[key.index] ?? '')} cannot be multi-valued: each row needs exactly one key.`,
      locations: [at(fileName, 1)],
    });
  }
  if (problems.length > 0 || 'code' in key) throw problemsError(problems);

  const columns = headers.map((name, i): ColumnSpec => {
    if (i === manager) return { name, type: 'Reference', separator: null };
    if (i === groups) return { name, type: 'String', separator: options.groupsSeparator };
    if (i === key.index) return { name, type: 'String', separator: null };
    return {
      name,
      type: types.get(i) ?? 'String',
      separator: multiValued.has(i) ? options.multiValueSeparator : null,
    };
  });
  return {
    columns,
    key: key.index,
    keyGuessed: key.guessed,
    manager,
    status,
    groups,
    displayName,
    givenName,
    surname,
  };
}
