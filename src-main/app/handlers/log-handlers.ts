import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { refusal } from '@shared/domain/error-messages';
import type { ExportResult } from '@shared/domain/exports';
import { exportLogEntries, type ExportedFile } from '../../reports/log-export';
import { exportPlan } from '../../reports/plan-export';
import type { AppContext } from '../context';
import type { HandlerGroup } from './types';

/** A file-name-safe UTC time stamp, so exports sort by when they were made. */
export function exportStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19);
}

export function exportResult(files: ExportedFile[]): ExportResult {
  const first = files[0];
  if (!first) throw refusal('internal', 'exportWroteNoFile');
  return { fileName: first.fileName, path: first.path, rows: first.rows, files };
}

/** Folder of exported files; browser mode serves them at /exports/<name>. */
export function exportsDir(ctx: AppContext): string {
  const dir = join(ctx.info.dataDir, 'exports');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export function logHandlers(ctx: AppContext): HandlerGroup<'logs.query' | 'exports.logs' | 'exports.plan'> {
  return {
    'logs.query': async (query) => ctx.store.log.page(query),
    'exports.logs': async ({ query, format, bom }) => {
      const files = await exportLogEntries(ctx.store.log.iterate(query), {
        dir: exportsDir(ctx),
        baseName: `provisioning-logs_${exportStamp(ctx.clock())}`,
        format,
        bom,
        systems: (jobId) => {
          const job = ctx.store.jobs.get(jobId);
          return {
            source: (job && ctx.store.connections.get(job.sourceConnectionId)?.name) ?? '',
            target: (job && ctx.store.connections.get(job.targetConnectionId)?.name) ?? '',
          };
        },
      });
      return exportResult(files);
    },
    'exports.plan': async ({ cycleId, format, bom }) => {
      const cycle = ctx.store.cycles.get(cycleId);
      if (!cycle) throw refusal('notFound', 'cycleMissing', { id: cycleId });
      const file = await exportPlan(ctx.store.plans.iterate(cycleId), {
        dir: exportsDir(ctx),
        baseName: `dry-run-plan_${exportStamp(new Date(cycle.startedAt))}`,
        format,
        bom,
      });
      return exportResult([file]);
    },
  };
}
