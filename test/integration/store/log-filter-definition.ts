import type { LogQuery, ProvisioningLogEntry } from '@shared/domain/provisioning';

const asciiLower = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * A log filter as the contract describes it, on entries in memory: what every page and export of
 * the store must agree with, whichever index or scan it reads.
 */
export function matchesLogFilter(e: ProvisioningLogEntry, q: Omit<LogQuery, 'limit' | 'beforeSeq'>): boolean {
  if (q.jobId !== undefined && e.jobId !== q.jobId) return false;
  if (q.cycleId !== undefined && e.cycleId !== q.cycleId) return false;
  if (q.changeId !== undefined && e.changeId !== q.changeId) return false;
  if (q.status !== undefined && e.status !== q.status) return false;
  if (q.action !== undefined && e.provisioningAction !== q.action) return false;
  if (q.since !== undefined && e.activityDateTime < q.since) return false;
  if (q.until !== undefined && e.activityDateTime > q.until) return false;
  if (q.identity) {
    const byId = e.sourceIdentity.id === q.identity || e.targetIdentity.id === q.identity;
    const byName = asciiLower(e.sourceIdentity.displayName).startsWith(asciiLower(q.identity));
    if (!byId && !byName) return false;
  }
  return true;
}
