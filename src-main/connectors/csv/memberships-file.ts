/**
 * The memberships file: one row per (group, member), for HR systems that export groups separately.
 * It is validated like the main file (a cut-off memberships file would silently empty groups), and
 * its members are checked against the main file's keys: a member that is no user is left out with a
 * warning naming the row.
 */
import { findColumn, missingColumnProblem } from './columns';
import { type CsvMembershipsFile } from './csv-options';
import {
  at,
  listRows,
  maxNamedRows,
  plural,
  problemsError,
  quote,
  short,
  type CsvProblem,
} from './csv-errors';
import { addMember, type GroupDraft } from './group-drafts';
import { openRecordStream } from './record-stream';
import { sniffFile } from './sniff';
import { type WarningList } from './warnings';

export interface MembershipsInput {
  settings: CsvMembershipsFile;
  /** The main file's keys: members must be among them. */
  keys: ReadonlyMap<string, number>;
  usersFileName: string;
  groups: Map<string, GroupDraft>;
  warnings: WarningList;
  maxRecordChars: number;
  signal?: AbortSignal;
}

export interface MembershipsResult {
  /** What stops the read. */
  problems: CsvProblem[];
  /** sha256 of the file's bytes (part of the read's watermark, fingerprint.ts). */
  digest: string;
}

/** Adds the file's groups and members to `groups`; returns the problems that stop the read. */
export async function readMemberships(input: MembershipsInput): Promise<MembershipsResult> {
  const { settings, keys, groups, warnings } = input;
  const sniffed = await sniffFile(settings);
  const fileName = sniffed.file.name;
  const { headers } = sniffed;

  const problems: CsvProblem[] = [];
  const column = (name: string, role: string): number => {
    const index = findColumn(headers, name);
    if (index === null) problems.push(missingColumnProblem(fileName, headers, name, role));
    return index ?? -1;
  };
  const groupIndex = column(settings.groupColumn, 'the group column');
  const memberIndex = column(settings.memberColumn, 'the member column');
  const nameIndex =
    settings.groupNameColumn !== undefined ? column(settings.groupNameColumn, 'the group name column') : null;
  if (problems.length > 0) throw problemsError(problems);

  const width = headers.length;
  const badWidth: number[] = [];
  let badWidthCount = 0;
  const noGroup: number[] = [];
  let noGroupCount = 0;
  let truncated: number | null = null;
  let rows = 0;
  let headerSeen = false;
  const stream = openRecordStream({
    path: sniffed.file.path,
    fileName,
    encoding: sniffed.encoding,
    delimiter: sniffed.delimiter,
    maxRecordChars: input.maxRecordChars,
    signal: input.signal,
  });
  for await (const record of stream.records) {
    if (!headerSeen) {
      headerSeen = true;
      continue;
    }
    rows++;
    if (record.fields.length !== width) {
      if (!record.terminated && record.fields.length < width) truncated = record.line;
      else {
        badWidthCount++;
        if (badWidth.length < maxNamedRows) badWidth.push(record.line);
      }
      continue;
    }
    const anchor = (record.fields[groupIndex] ?? '').trim();
    if (anchor === '') {
      noGroupCount++;
      if (noGroup.length < maxNamedRows) noGroup.push(record.line);
      continue;
    }
    const where = at(fileName, record.line);
    const name = nameIndex !== null ? (record.fields[nameIndex] ?? '').trim() : '';
    const displayName = name === '' ? anchor : name;
    // An empty member cell declares a group without adding anyone: empty groups exist too.
    const member = (record.fields[memberIndex] ?? '').trim();
    const known = member !== '' && keys.has(member);
    if (member !== '' && !known) {
      warnings.add({
        code: 'UnknownMember',
        message: `${where}: member ${quote(member)} of group ${quote(displayName)} matches no user key in ${input.usersFileName}; it is left out of the group.`,
        location: where,
      });
    }
    const group = addMember(groups, anchor, displayName, known ? member : null, where);
    if (name !== '' && group.displayName !== name) {
      warnings.add({
        code: 'GroupNameConflict',
        message: `${where}: group ${quote(anchor)} is named ${quote(name)} here but ${quote(group.displayName)} at ${group.origin}; the first name is used.`,
        location: where,
      });
    }
  }

  if (truncated !== null) {
    problems.push({
      code: 'CsvTruncated',
      message: `${at(fileName, truncated)} is cut off: it has fewer fields than the header and the file ends without a line break. Export the memberships file again.`,
      locations: [at(fileName, truncated)],
    });
  }
  if (badWidthCount > 0) {
    problems.push({
      code: 'CsvFieldCount',
      message: `${plural(badWidthCount, 'row')} of ${fileName} ${badWidthCount === 1 ? 'has' : 'have'} a different number of fields than its header (${width}): ${listRows(fileName, badWidth, badWidthCount)}.`,
      locations: badWidth.map((line) => at(fileName, line)),
    });
  }
  if (noGroupCount > 0) {
    problems.push({
      code: 'CsvMissingKeys',
      message: `${plural(noGroupCount, 'row')} of ${fileName} ${noGroupCount === 1 ? 'has' : 'have'} no ${short(headers[groupIndex] ?? 'group')}: ${listRows(fileName, noGroup, noGroupCount)}.`,
      locations: noGroup.map((line) => at(fileName, line)),
    });
  }
  if (rows === 0) {
    problems.push({
      code: 'CsvNoRows',
      message: `${fileName} has a header but no rows. Roster stops here rather than empty every group; check the export that writes this file.`,
      locations: [at(fileName, 2)],
    });
  }
  return { problems, digest: stream.digest() };
}
