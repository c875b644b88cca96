import { refusal } from '@shared/domain/error-messages';
import type { JobFile } from '@shared/domain/job-file';
import type { JobRecord } from '../../store/jobs-repo';
import type { AppContext } from '../context';
import { createConnectionProfile } from '../connections/connection-profiles';
import { createJob, updateJob } from './job-store';
import { toJobConfig } from './job-views';

/**
 * Config as code: creates the file's connection profiles that do not exist yet (by name; an existing
 * profile of another kind is an error), then creates the job or, when one has the name, updates it.
 */
export async function importJobFile(ctx: AppContext, file: JobFile): Promise<JobRecord> {
  for (const profile of file.connections) {
    const existing = ctx.store.connections.findByName(profile.name);
    if (existing && existing.kind !== profile.kind) {
      throw refusal('conflict', 'importConnectionKindDiffers', {
        name: profile.name,
        kind: profile.kind.toUpperCase(),
        existingKind: existing.kind.toUpperCase(),
      });
    }
    if (!existing) await createConnectionProfile(ctx, profile);
  }
  const existing = ctx.store.jobs.findByName(file.job.name);
  return existing
    ? updateJob(ctx, existing.id, file.job, toJobConfig(ctx, existing))
    : createJob(ctx, file.job);
}
