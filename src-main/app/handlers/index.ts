import type { AppContext } from '../context';
import { appHandlers } from './app-handlers';
import { auditHandlers } from './audit-handlers';
import { connectionHandlers } from './connection-handlers';
import { settingsHandlers } from './settings-handlers';
import { connectionTestHandlers } from './connection-test-handlers';
import { csvPreviewHandlers } from './csv-preview-handler';
import { targetCapabilitiesHandlers } from './target-capabilities-handler';
import { logHandlers } from './log-handlers';
import { notificationHandlers } from './notification-handlers';
import { jobHandlers } from '../jobs/job-handlers';
import { previewHandlers } from '../jobs/preview-handlers';
import { scheduleHandlers } from '../jobs/schedule-handlers';
import { escrowHandlers } from '../jobs/escrow-handlers';
import { escrowExportHandlers } from '../jobs/escrow-export-handler';
import { onDemandHandlers } from '../jobs/on-demand-handlers';
import { sandboxHandlers } from '../sandbox/sandbox-handlers';
import { editingHandlers } from '../editing/editing-handlers';
import { appProfileHandlers } from '../apps/app-handlers';
import { accountsHandlers } from '../discovery/accounts-handlers';
import { linkHandlers } from '../discovery/link-handlers';
import type { Handlers } from './types';

export function createHandlers(ctx: AppContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...settingsHandlers(ctx),
    ...connectionHandlers(ctx),
    ...auditHandlers(ctx),
    ...connectionTestHandlers(ctx),
    ...csvPreviewHandlers(ctx),
    ...targetCapabilitiesHandlers(ctx),
    ...jobHandlers(ctx),
    ...previewHandlers(ctx),
    ...scheduleHandlers(ctx),
    ...escrowHandlers(ctx),
    ...escrowExportHandlers(ctx),
    ...onDemandHandlers(ctx),
    ...logHandlers(ctx),
    ...sandboxHandlers(ctx),
    ...appProfileHandlers(ctx),
    ...notificationHandlers(ctx),
    ...editingHandlers(ctx),
    ...accountsHandlers(ctx),
    ...linkHandlers(ctx),
  };
}
