import { previewCsv } from '../../connectors/csv/preview';
import type { AppContext } from '../context';
import type { HandlerGroup } from './types';

/**
 * connections.csvPreview: the header and first rows of a file the admin is pointing a CSV connection
 * at (saved or not), so column roles are chosen from the real columns.
 */
export function csvPreviewHandlers(_ctx: AppContext): HandlerGroup<'connections.csvPreview'> {
  return {
    'connections.csvPreview': async (input) => previewCsv(input),
  };
}
