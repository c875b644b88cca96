/**
 * Every command and every event of Roster, in one place. Each transport (Electron IPC, browser-mode
 * HTTP) validates a command's input with the schema below before any handler runs, and answers with a
 * `Result` of the declared output type. Add a command here and the type checker demands its handler;
 * a unit test checks the same at run time.
 */
import { z } from 'zod';
import type { AppInfo, VaultStatus } from './domain/app-info';
import { auditListInputSchema, type AuditPage } from './domain/audit';
import {
  connectionCreateInputSchema,
  connectionIdInputSchema,
  connectionUpdateInputSchema,
  type ConnectionView,
} from './domain/connections';
import { appSettingsPatchSchema, type AppSettings } from './domain/settings';
import type { ConnectionTestResult } from './domain/connection-test';
import { csvPreviewInputSchema, type CsvPreviewResult } from './domain/csv-preview';
import { jobFileSchema, type JobFile } from './domain/job-file';
import type { EscrowView } from './domain/escrow';
import type { JobDetail, JobView } from './domain/job-view';
import type { UnfinishedSetup } from './domain/unfinished-setup';
import { jobConfigSchema, type JobConfig } from './domain/jobs';
import type { DirectoryLevel } from './domain/directory';
import {
  jobDraftSchema,
  jobImpactInputSchema,
  scopePreviewInputSchema,
  sourceSchemaInputSchema,
  sourceSearchInputSchema,
  targetSchemaDiscoverInputSchema,
  type JobDraft,
  type JobImpactResult,
  type ScopePreviewResult,
  type SourceSchemaResult,
  type SourceSearchResult,
  type TargetSchemaDiscoverResult,
} from './domain/job-editing';
import { targetCapabilitiesInputSchema, type TargetCapabilities } from './domain/target-capabilities';
import {
  logQuerySchema,
  type CycleProgress,
  type CycleSummary,
  type LogPage,
  type PlanItem,
} from './domain/provisioning';
import type { SandboxStatus, SandboxAccountsPage } from './domain/sandbox';
import {
  appIdInputSchema,
  appJobDefaultsInputSchema,
  type AppJobDefaults,
  type AppProfile,
  type AppProfileSummary,
} from './domain/app-profile';
import {
  onDemandRunInputSchema,
  onDemandSearchInputSchema,
  type OnDemandResult,
  type OnDemandSearchResult,
  type OnDemandStep,
} from './domain/on-demand';
import type { ExportResult } from './domain/exports';
import {
  accountActInputSchema,
  accountRowsInputSchema,
  accountClasses,
  linkFindInputSchema,
  linkKeyInputSchema,
  type AccountActResult,
  type AccountReport,
  type AccountRowsPage,
  type LinkDeleteResult,
  type LinkFindResult,
  type LinkView,
} from './domain/accounts';
import {
  notificationSettingsSaveSchema,
  testEmailInputSchema,
  type DesktopNotice,
  type NotificationSettingsView,
  type TestEmailResult,
} from './domain/notifications';

/** Declares an output type without a run-time schema: outputs come from our own handlers. */
function returns<T>(): T {
  return undefined as unknown as T;
}

function command<I extends z.ZodType, O>(input: I, output: O) {
  return { input, output };
}

const noInput = z.object({}).strict().default({});

export const commands = {
  'app.info': command(noInput, returns<AppInfo>()),
  'vault.status': command(noInput, returns<VaultStatus>()),

  'settings.get': command(noInput, returns<AppSettings>()),
  'settings.update': command(appSettingsPatchSchema, returns<AppSettings>()),

  'connections.list': command(noInput, returns<ConnectionView[]>()),
  'connections.get': command(connectionIdInputSchema, returns<ConnectionView>()),
  'connections.create': command(connectionCreateInputSchema, returns<ConnectionView>()),
  'connections.update': command(connectionUpdateInputSchema, returns<ConnectionView>()),
  'connections.delete': command(connectionIdInputSchema, returns<{ id: string }>()),

  'audit.list': command(auditListInputSchema, returns<AuditPage>()),

  'connections.test': command(connectionIdInputSchema, returns<ConnectionTestResult>()),
  /** One level of an LDAP connection's tree below `dn` ('' lists the naming contexts). */
  'connections.browse': command(
    z.object({ id: z.string().min(1), dn: z.string().max(2000).default('') }),
    returns<DirectoryLevel>(),
  ),
  /** The header and first rows of a CSV file (saved connection or not), for the column pickers. */
  'connections.csvPreview': command(csvPreviewInputSchema, returns<CsvPreviewResult>()),

  'jobs.list': command(noInput, returns<JobView[]>()),
  /** A new job's configuration with the default mappings for its source and target (not saved). */
  'jobs.defaults': command(
    z.object({
      name: z.string().trim().min(1).max(100),
      sourceConnection: z.string().min(1),
      targetConnection: z.string().min(1),
    }),
    returns<JobConfig>(),
  ),
  'jobs.get': command(z.object({ id: z.string().min(1) }), returns<JobDetail>()),
  /**
   * `preview`: the new-job wizard's review stores the job to dry-run it; it stays out of the Jobs
   * list, the dashboard and the scheduler until `jobs.finishSetup` (Create).
   */
  'jobs.create': command(
    z.object({ config: jobConfigSchema, preview: z.boolean().default(false) }),
    returns<JobDetail>(),
  ),
  /** Create in the wizard: its preview job becomes a job like any other (audited as created). */
  'jobs.finishSetup': command(z.object({ id: z.string().min(1) }).strict(), returns<JobDetail>()),
  /** Preview jobs the wizard left behind, for the Jobs page's "unfinished setup". */
  'jobs.unfinished': command(noInput, returns<UnfinishedSetup[]>()),
  /** Deletes a preview job and the wizard draft that holds it. */
  'jobs.discardSetup': command(z.object({ id: z.string().min(1) }).strict(), returns<{ id: string }>()),
  'jobs.update': command(z.object({ id: z.string().min(1), config: jobConfigSchema }), returns<JobDetail>()),
  'jobs.delete': command(z.object({ id: z.string().min(1) }), returns<{ id: string }>()),
  /** Starts a cycle and answers at once; progress and the end arrive as events. */
  'jobs.run': command(
    z.object({ id: z.string().min(1), dryRun: z.boolean().default(false) }),
    returns<{ started: true }>(),
  ),
  'jobs.cancel': command(z.object({ id: z.string().min(1) }), returns<{ cancelled: boolean }>()),
  /** Runs the job on its schedule (§3.3, §12); the first start runs the initial cycle at once. */
  'jobs.start': command(z.object({ id: z.string().min(1) }), returns<JobView>()),
  /** Stops the schedule; a running cycle stops at a safe point and stores no watermark (§12). */
  'jobs.pause': command(z.object({ id: z.string().min(1) }), returns<JobView>()),
  'jobs.resume': command(z.object({ id: z.string().min(1) }), returns<JobView>()),
  /** One cycle as soon as a slot is free, outside the schedule (also "Retry now" in quarantine). */
  'jobs.runNow': command(
    z.object({ id: z.string().min(1) }),
    returns<{ job: JobView; run: 'started' | 'queued' }>(),
  ),
  /** How many jobs may run at once (the schedule waits for a free slot). */
  'scheduler.getSettings': command(noInput, returns<{ maxConcurrentJobs: number }>()),
  'scheduler.saveSettings': command(
    z.object({ maxConcurrentJobs: z.number().int().min(1).max(16) }).strict(),
    returns<{ maxConcurrentJobs: number }>(),
  ),
  /** §11: run the staged disables and deletes in the next cycle, past the threshold. */
  'jobs.allowDeletes': command(z.object({ id: z.string().min(1) }), returns<JobView>()),
  /** §9.2: the objects waiting for a retry, oldest failure first. */
  'jobs.escrows': command(z.object({ id: z.string().min(1) }), returns<EscrowView[]>()),
  /** Retry one escrowed object in the next cycle, or drop its entry (tried again when it changes). */
  'jobs.escrowAction': command(
    z
      .object({
        id: z.string().min(1),
        objectType: z.enum(['User', 'Group']),
        anchor: z.string().min(1),
        action: z.enum(['retryNow', 'drop']),
      })
      .strict(),
    returns<EscrowView[]>(),
  ),
  /** §12: restart (clear watermark, state, staged, quarantine; keep links) or full reset (links too). */
  'jobs.reset': command(
    z.object({ id: z.string().min(1), full: z.boolean().default(false) }),
    returns<JobView>(),
  ),
  /** Issue 10: what the editors and the wizard read (docs: src-shared/domain/job-editing.ts). */
  'sources.schema': command(sourceSchemaInputSchema, returns<SourceSchemaResult>()),
  'sources.search': command(sourceSearchInputSchema, returns<SourceSearchResult>()),
  'targets.discoverSchema': command(targetSchemaDiscoverInputSchema, returns<TargetSchemaDiscoverResult>()),
  /** Whether the target can disable accounts and how, and a SCIM connection's request shape. */
  'targets.capabilities': command(targetCapabilitiesInputSchema, returns<TargetCapabilities>()),
  'jobs.scopePreview': command(scopePreviewInputSchema, returns<ScopePreviewResult>()),
  /** What saving this configuration would do, before anything is stored. */
  'jobs.impact': command(jobImpactInputSchema, returns<JobImpactResult>()),
  /** The new-job wizard's one draft (null when none). */
  'drafts.getJob': command(noInput, returns<JobDraft | null>()),
  'drafts.saveJob': command(jobDraftSchema, returns<JobDraft>()),
  'drafts.deleteJob': command(noInput, returns<{ deleted: boolean }>()),
  'jobs.exportFile': command(z.object({ id: z.string().min(1) }), returns<JobFile>()),
  'jobs.importFile': command(z.object({ file: jobFileSchema }), returns<JobDetail>()),
  /** §13: source objects an admin may provision on demand, found by name, email or key. */
  'onDemand.search': command(onDemandSearchInputSchema, returns<OnDemandSearchResult>()),
  /** §13: starts a run and answers at once; its steps arrive as onDemand.step, its end as onDemand.finished. */
  'onDemand.run': command(onDemandRunInputSchema, returns<{ runId: string }>()),
  /** Stops a run that waits for a cycle (or one in flight, at its next safe point). */
  'onDemand.cancel': command(
    z.object({ runId: z.string().min(1) }).strict(),
    returns<{ cancelled: boolean }>(),
  ),
  'cycles.list': command(
    z.object({ jobId: z.string().min(1), limit: z.number().int().min(1).max(200).default(20) }),
    returns<CycleSummary[]>(),
  ),
  'plans.page': command(
    z.object({
      cycleId: z.string().min(1),
      afterSeq: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    returns<{ items: PlanItem[]; total: number }>(),
  ),
  'logs.query': command(logQuerySchema, returns<LogPage>()),
  'exports.logs': command(
    z.object({
      query: logQuerySchema.omit({ beforeSeq: true, limit: true }).default({}),
      format: z.enum(['csv', 'json', 'csv-full']).default('csv'),
      bom: z.boolean().default(true),
    }),
    returns<ExportResult>(),
  ),
  'exports.plan': command(
    z.object({
      cycleId: z.string().min(1),
      format: z.enum(['csv', 'json']).default('csv'),
      bom: z.boolean().default(true),
    }),
    returns<ExportResult>(),
  ),

  /** §9.2: a job's "Waiting for retry" list as one CSV file (columns: docs/escrow-report.md). */
  'exports.escrows': command(
    z.object({ jobId: z.string().min(1), bom: z.boolean().default(true) }).strict(),
    returns<ExportResult>(),
  ),

  /**
   * Issue 12: the target's own accounts ("account discovery"). `discover` starts and answers at once;
   * progress arrives as accounts.progress, the end as accounts.finished. Actions hold the job's lease.
   */
  'accounts.discover': command(z.object({ jobId: z.string().min(1) }).strict(), returns<AccountReport>()),
  'accounts.cancel': command(
    z.object({ jobId: z.string().min(1) }).strict(),
    returns<{ cancelled: boolean }>(),
  ),
  'accounts.report': command(
    z.object({ jobId: z.string().min(1) }).strict(),
    returns<AccountReport | null>(),
  ),
  'accounts.rows': command(accountRowsInputSchema, returns<AccountRowsPage>()),
  'accounts.act': command(accountActInputSchema, returns<AccountActResult>()),
  /** The report as one CSV file (columns: docs/account-discovery.md). */
  'exports.accounts': command(
    z
      .object({
        jobId: z.string().min(1),
        accountClass: z.enum(accountClasses).optional(),
        bom: z.boolean().default(true),
      })
      .strict(),
    returns<ExportResult>(),
  ),
  /** §12 "Reset link": one object's stored link — find, show, delete (only while the job is paused). */
  'links.find': command(linkFindInputSchema, returns<LinkFindResult>()),
  'links.get': command(linkKeyInputSchema, returns<LinkView | null>()),
  'links.delete': command(linkKeyInputSchema, returns<LinkDeleteResult>()),

  'sandbox.status': command(noInput, returns<SandboxStatus>()),
  'sandbox.start': command(noInput, returns<SandboxStatus>()),
  'sandbox.stop': command(noInput, returns<SandboxStatus>()),
  'sandbox.accounts': command(
    z.object({
      kind: z.enum(['users', 'groups']).default('users'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
      search: z.string().max(200).optional(),
    }),
    returns<SandboxAccountsPage>(),
  ),
  /** "Try with demo data": the sandbox, the demo connections and job, and a first cycle. */
  'demo.setup': command(noInput, returns<{ jobId: string }>()),

  /** The app gallery (issue 12): bundled app profiles, by name; the generic SCIM 2.0 profile last. */
  'apps.list': command(noInput, returns<AppProfileSummary[]>()),
  'apps.get': command(appIdInputSchema, returns<AppProfile>()),
  /** A new job's configuration from an app profile for two saved connections (not saved). */
  'apps.jobDefaults': command(appJobDefaultsInputSchema, returns<AppJobDefaults>()),

  /** Alerts (§16): SMTP and desktop notification settings; the SMTP password only as set / not set. */
  'notifications.getSettings': command(noInput, returns<NotificationSettingsView>()),
  'notifications.saveSettings': command(notificationSettingsSaveSchema, returns<NotificationSettingsView>()),
  /** Sends one email now with the saved settings; a failure is a result, not an error. */
  'notifications.sendTestEmail': command(testEmailInputSchema, returns<TestEmailResult>()),
} as const;

export const events = {
  'settings.changed': returns<AppSettings>(),
  'connections.changed': returns<{ id: string; change: 'created' | 'updated' | 'deleted' }>(),
  'audit.appended': returns<{ id: number }>(),
  'jobs.changed': returns<{ id: string }>(),
  'jobs.progress': returns<CycleProgress>(),
  'jobs.cycleFinished': returns<CycleSummary>(),
  'onDemand.step': returns<OnDemandStep>(),
  'onDemand.finished': returns<OnDemandResult>(),
  'accounts.progress': returns<AccountReport>(),
  'accounts.finished': returns<AccountReport>(),
  'sandbox.changed': returns<SandboxStatus>(),
  'notifications.changed': returns<NotificationSettingsView>(),
  /** A job alert for browser mode, shown as a Web Notification (the desktop app shows its own). */
  'notifications.desktop': returns<DesktopNotice>(),
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<K extends CommandName> = z.output<Commands[K]['input']>;
/** What a caller may pass: defaults in the schema make some fields optional. */
export type CommandInputArg<K extends CommandName> = z.input<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = Commands[K]['output'];

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = Events[K];

export const commandNames = Object.keys(commands) as CommandName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCommandName(value: string): value is CommandName {
  return Object.prototype.hasOwnProperty.call(commands, value);
}
