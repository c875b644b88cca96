import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EscrowView } from '@shared/domain/escrow';
import { escrowColumns, exportEscrows } from '../../../../src-main/reports/escrow-export';
import { makeTempDirFor } from '../../../peers/temp';

function entry(over: Partial<EscrowView>): EscrowView {
  return {
    objectType: 'User',
    anchor: 'E0003',
    displayName: 'Minji Park',
    isReference: false,
    errorClass: 'permanent',
    errorCode: 'UnprocessableEntity',
    errorMessage: 'POST /Users answered HTTP 400',
    firstFailure: '2026-03-02T09:00:00.000Z',
    lastAttempt: '2026-03-02T09:40:00.000Z',
    attempts: 2,
    nextRetry: { kind: 'at', at: '2026-03-02T15:00:00.000Z' },
    expired: false,
    retryNow: false,
    ...over,
  };
}

describe('the "Waiting for retry" CSV', () => {
  let dir: ReturnType<typeof makeTempDirFor>;
  beforeEach(() => (dir = makeTempDirFor('roster-escrow-export-')));
  afterEach(() => dir.remove());

  it('writes one row per entry with the documented columns, for Excel', async () => {
    const file = await exportEscrows(
      [
        entry({}),
        entry({
          anchor: 'G-7',
          objectType: 'Group',
          displayName: 'Sales, Seoul',
          isReference: true,
          errorClass: 'transient',
          errorCode: 'Timeout',
          errorMessage: 'no answer within 60 s\n"members" PATCH',
          nextRetry: { kind: 'nextCycle' },
          retryNow: true,
        }),
        entry({ anchor: 'E0009', nextRetry: { kind: 'never' }, expired: true, attempts: 31 }),
      ],
      { dir: dir.path, baseName: 'waiting', jobName: 'HR → App', bom: true },
    );
    expect(file).toMatchObject({ fileName: 'waiting.csv', rows: 3 });
    const text = readFileSync(join(dir.path, 'waiting.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(escrowColumns.join(','));
    expect(lines[1]).toBe(
      'HR → App,User,E0003,Minji Park,own,permanent,UnprocessableEntity,POST /Users answered HTTP 400,2,' +
        '2026-03-02T09:00:00.000Z,2026-03-02T09:40:00.000Z,2026-03-02T15:00:00.000Z,false,false',
    );
    // Commas, quotes and line breaks stay inside their quoted cell (RFC 4180).
    expect(text).toContain(
      'HR → App,Group,G-7,"Sales, Seoul",reference,transient,Timeout,"no answer within 60 s\n""members"" PATCH",2,',
    );
    expect(text).toContain(',nextCycle,false,true\r\n');
    expect(text).toContain(
      'E0009,Minji Park,own,permanent,UnprocessableEntity,POST /Users answered HTTP 400,31,',
    );
    expect(text).toContain(',never,true,false\r\n');
  });

  it('leaves the BOM out when asked, and writes a header for an empty list', async () => {
    const file = await exportEscrows([], {
      path: join(dir.path, 'empty.csv'),
      jobName: 'HR → App',
      bom: false,
    });
    expect(file.rows).toBe(0);
    expect(readFileSync(file.path, 'utf8')).toBe(`${escrowColumns.join(',')}\r\n`);
  });
});
