/**
 * Issue 10: a mapping that fails for an object (ExpressionEvaluationFailed) is logged, and foreseen
 * by the impact view, with its reason under a code (errorMappingFailed + the expression's own
 * expr.<code>), so the app can say it in Korean; the English the log, the CSV export and the CLI
 * show stays word for word what it was. A real app (SQLite file), a real CSV file and scimmy.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EscrowView } from '@shared/domain/escrow';
import type { JobImpactResult } from '@shared/domain/job-editing';
import type { JobConfig } from '@shared/domain/jobs';
import type { JobDetail } from '@shared/domain/job-view';
import type { Result } from '@shared/domain/result';
import { startScimmyServer } from '../../peers/scimmy-server';
import { EngineKit, employee } from './engine-kit';
import { usePrivateKeyring } from '../use-private-keyring';

async function call<T>(kit: EngineKit, command: string, input: unknown): Promise<T> {
  const result = (await kit.app.dispatch(command, input)) as Result<T>;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** displayName from the middle of the given name, starting at the department: not a number here. */
function withFailingDisplayName(config: JobConfig): JobConfig {
  const copy = structuredClone(config);
  const users = copy.objectMappings.find((m) => m.sourceObject === 'User');
  const mapping = users?.attributeMappings.find((m) => m.target === 'displayName');
  if (!mapping) throw new Error('no mapping of displayName');
  Object.assign(mapping, { type: 'Expression', source: 'Mid([givenName], [department], 2)' });
  return copy;
}

const problem =
  'Line 1, column 18: Mid argument 2 (start): "Sales" is not an integer (digits with an optional leading "-", at most 64 bits).';
const reason = `displayName: ${problem}`;

describe('a failing mapping in the log, the escrow list and the impact view, under its code', () => {
  let kit: EngineKit;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => {
    await kit?.stop();
  });

  it('foresees and then logs the failure with errorMappingFailed and the expression’s code; English unchanged', async () => {
    kit = new EngineKit(await startScimmyServer());
    await kit.start([employee(1), employee(2)]);
    expect((await kit.sync()).counters).toMatchObject({ created: 2, failed: 0 });
    const config = withFailingDisplayName((await call<JobDetail>(kit, 'jobs.get', { id: kit.jobId })).config);

    const impact = await call<JobImpactResult>(kit, 'jobs.impact', { jobId: kit.jobId, config });
    const item = impact.items.find((i) => i.anchor === 'E0001');
    expect(item?.reason).toBe(
      `The mapping fails for this object, so the cycle would log a failure: ${reason}`,
    );
    expect(item?.reasonCode).toBe('MappingFails');
    expect(item?.reasonParams).toMatchObject({
      code: 'ExpressionEvaluationFailed',
      message: reason,
      detail: reason,
      detailCode: 'errorMappingFailed',
      'detail.attribute': 'displayName',
      'detail.problem': problem,
      'detail.problemCode': 'expr.evalInNamedArgument',
      'detail.problem.problemCode': 'evalNotAnInteger',
      'detail.problem.value': 'Sales',
    });

    await call(kit, 'jobs.update', { id: kit.jobId, config });
    expect((await kit.sync()).counters).toMatchObject({ failed: 2 });
    const failed = kit.app.store.log
      .page({ jobId: kit.jobId, limit: 10 })
      .entries.filter((e) => e.status === 'failure');
    expect(failed).toHaveLength(2);
    const info = failed.find((e) => e.sourceIdentity.id === 'E0001')?.errorInformation;
    expect(info).toMatchObject({
      errorCode: 'ExpressionEvaluationFailed',
      reason,
      reasonCode: 'errorMappingFailed',
      reasonParams: {
        attribute: 'displayName',
        problem,
        problemCode: 'expr.evalInNamedArgument',
        'problem.functionName': 'Mid',
        'problem.problemCode': 'evalNotAnInteger',
        'problem.value': 'Sales',
      },
    });
    // The job page's "Waiting for retry" list keeps the same code beside the same English.
    const escrows = await call<EscrowView[]>(kit, 'jobs.escrows', { id: kit.jobId });
    expect(escrows.find((e) => e.anchor === 'E0001')).toMatchObject({
      errorCode: 'ExpressionEvaluationFailed',
      errorMessage: reason,
      errorText: { code: 'errorMappingFailed', params: { problemCode: 'expr.evalInNamedArgument' } },
    });
  });
});
