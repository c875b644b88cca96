import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProvisioningLogEntry } from '@shared/domain/provisioning';
import { MappingEvaluator } from '../../../src-main/engine/mapping-evaluator';
import { openDatabase } from '../../../src-main/store/db';
import { createLogRepo } from '../../../src-main/store/log-repo';
import { migrations } from '../../../src-main/store/migrations/index';
import { makeTempDir } from '../temp-dir';
import { logEntry } from '../retention/log-entries';
import { flatCsvRows, flatCsvText } from './flat-csv-text';

const seed = `
  INSERT INTO connections (id, name, kind, settings_json, created_at, updated_at)
    VALUES ('s', 'HR', 'csv', '{}', 't', 't'), ('t', 'App', 'scim', '{}', 't', 't');
  INSERT INTO jobs (id, name, source_connection_id, target_connection_id, config_json, status, created_at, updated_at)
    VALUES ('j1', 'HR → App', 's', 't', '{}', 'Active', 't', 't');
`;

const english = 'displayName: Line 1, column 18: Mid argument 2 (start): start must be 1 or more (got 0).';

describe('the log keeps a failed mapping’s reason with its expression code', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  it('reads back errorMappingFailed with the problem’s code; the English and the CSV export are unchanged', async () => {
    const outcome = await new MappingEvaluator(new Map()).evaluate(
      {
        target: 'displayName',
        type: 'Expression',
        source: 'Mid([givenName], [start], 2)',
        apply: 'Always',
        matchingPriority: 0,
      },
      { givenName: 'Ha-eun', start: '0' },
      'create',
    );
    if (outcome.kind !== 'error') throw new Error('the mapping was expected to fail');
    const failed: ProvisioningLogEntry = {
      ...logEntry('j1', '2026-02-01T00:00:00.000Z', 'E1001'),
      status: 'failure',
      errorInformation: {
        errorCode: outcome.code,
        reason: outcome.text.text,
        reasonCode: outcome.text.code,
        reasonParams: outcome.text.params,
        errorCategory: 'NonServiceFailure',
      },
    };
    const withoutCode: ProvisioningLogEntry = {
      ...failed,
      ...logEntry('j1', '2026-02-02T00:00:00.000Z', 'E1002'),
      status: 'failure',
      errorInformation: { errorCode: outcome.code, reason: english, errorCategory: 'NonServiceFailure' },
    };
    const { db } = openDatabase({ path: join(dir.path, 'roster.db'), migrations });
    db.exec(seed);
    const log = createLogRepo(db);
    log.insertMany([failed, withoutCode]);

    const [older, newer] = [...log.iterate({ jobId: 'j1' })];
    expect(older?.errorInformation).toEqual({
      errorCode: 'ExpressionEvaluationFailed',
      reason: english,
      reasonCode: 'errorMappingFailed',
      reasonParams: {
        attribute: 'displayName',
        problem: 'Line 1, column 18: Mid argument 2 (start): start must be 1 or more (got 0).',
        problemCode: 'expr.evalInNamedArgument',
        'problem.functionName': 'Mid',
        'problem.position': '2',
        'problem.parameter': 'start',
        'problem.problemCode': 'evalStartAtLeastOne',
        'problem.value': '0',
      },
      errorCategory: 'NonServiceFailure',
    });
    expect(newer?.errorInformation).toEqual(withoutCode.errorInformation);
    // The export says the reason exactly as an entry without codes does: its English, nothing else.
    const cells = `,ExpressionEvaluationFailed,"${english}",`;
    expect(flatCsvRows(log.iterate({ jobId: 'j1' }).flatCsv())).toBe(2);
    const text = flatCsvText(log.iterate({ jobId: 'j1' }).flatCsv());
    expect(text.split(cells)).toHaveLength(3);
    expect(text).not.toContain('problemCode');
    db.close();
  });
});
