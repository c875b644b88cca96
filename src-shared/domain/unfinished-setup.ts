import type { CycleSummary } from './provisioning';

/**
 * A job the new-job wizard stored to dry-run its review and never created (the window closed, the
 * browser went away mid-wizard). The Jobs page offers to resume it or discard it instead of listing
 * it as a job or deleting it behind the admin's back.
 */
export interface UnfinishedSetup {
  id: string;
  name: string;
  sourceConnection: string;
  targetConnection: string;
  createdAt: string;
  updatedAt: string;
  /** The wizard's saved draft holds this job: Resume opens the wizard where it was left. */
  resumable: boolean;
  /** The review's last dry run, if it finished. */
  lastDryRun: CycleSummary | null;
}
