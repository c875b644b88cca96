import type { AppContext } from '../context';
import type { HandlerGroup } from '../handlers/types';
import { draftHandlers } from './draft-handlers';
import { impactHandlers } from './impact-handler';
import { scopePreviewHandlers } from './scope-preview-handler';
import { sourceHandlers } from './source-handlers';
import { createSourceSnapshots, type SourceSnapshots } from './source-snapshots';
import { targetSchemaHandlers } from './target-schema-handler';

type EditingCommands =
  | 'sources.schema'
  | 'sources.search'
  | 'targets.discoverSchema'
  | 'jobs.scopePreview'
  | 'jobs.impact'
  | 'drafts.getJob'
  | 'drafts.saveJob'
  | 'drafts.deleteJob';

/**
 * What the job editors and the new-job wizard ask the app (issue 10). One source snapshot cache is
 * shared by search, schema, scope preview and impact; a changed or deleted connection drops its
 * snapshot at once.
 */
export function editingHandlers(ctx: AppContext): HandlerGroup<EditingCommands> {
  const snapshots = lazySnapshots(ctx);
  return {
    ...sourceHandlers(ctx, snapshots),
    ...targetSchemaHandlers(ctx),
    ...scopePreviewHandlers(ctx, snapshots),
    ...impactHandlers(ctx, snapshots),
    ...draftHandlers(ctx),
  };
}

/** Built on first use: handlers only close over the context when they are made. */
function lazySnapshots(ctx: AppContext): SourceSnapshots {
  let made: SourceSnapshots | null = null;
  const cache = (): SourceSnapshots => {
    if (made) return made;
    const snapshots = createSourceSnapshots((connection) => ctx.connectors.openSource(connection), ctx.clock);
    ctx.events.onAny((name, payload) => {
      if (name === 'connections.changed') snapshots.invalidate((payload as { id: string }).id);
    });
    made = snapshots;
    return snapshots;
  };
  return {
    get: (connection) => cache().get(connection),
    invalidate: (connectionId) => cache().invalidate(connectionId),
    heldObjects: () => cache().heldObjects(),
  };
}
