import type { AppContext } from '../context';
import type { HandlerGroup } from '../handlers/types';
import { connectionForRole } from './connection-lookup';
import { withConnectorErrors } from './connector-failure';
import { previewScope } from './scope-preview';
import { schemaOf } from './source-handlers';
import type { SourceSnapshots } from './source-snapshots';

/** jobs.scopePreview: the scoping editor's live count and "why in / why out", from the cached read. */
export function scopePreviewHandlers(
  ctx: AppContext,
  snapshots: SourceSnapshots,
): HandlerGroup<'jobs.scopePreview'> {
  return {
    'jobs.scopePreview': async (input) => {
      const connection = connectionForRole(ctx, input.sourceConnection, 'source', 'sourceConnection');
      const snapshot = await withConnectorErrors(connection.name, 'sourceConnection', () =>
        snapshots.get(connection),
      );
      return previewScope(snapshot, schemaOf(snapshot, connection), input);
    },
  };
}
