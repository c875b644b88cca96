import { refusal } from '@shared/domain/error-messages';
import { exportEscrows } from '../../reports/escrow-export';
import type { AppContext } from '../context';
import { exportResult, exportsDir, exportStamp } from '../handlers/log-handlers';
import type { HandlerGroup } from '../handlers/types';
import { toEscrowView } from './escrow-handlers';

/** The errors report's escrow part: a job's "Waiting for retry" list as a CSV file, streamed to disk. */
export function escrowExportHandlers(ctx: AppContext): HandlerGroup<'exports.escrows'> {
  return {
    'exports.escrows': async ({ jobId, bom }) => {
      const job = ctx.store.jobs.get(jobId);
      if (!job) throw refusal('notFound', 'jobMissingShort', { id: jobId });
      const now = ctx.clock();
      const file = await exportEscrows(
        ctx.store.escrows.forJob(jobId).map((entry) => toEscrowView(entry, now)),
        { dir: exportsDir(ctx), baseName: `waiting-for-retry_${exportStamp(now)}`, jobName: job.name, bom },
      );
      return exportResult([file]);
    },
  };
}
