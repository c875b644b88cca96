import { basename, join } from 'node:path';
import type { PlanItem } from '@shared/domain/provisioning';
import { CsvFileWriter, JsonArrayFileWriter } from './csv-file-writer';
import type { ExportedFile } from './log-export';

/** A dry run's plan as CSV (one row per attribute change, so it reads well in Excel) or JSON. */
export async function exportPlan(
  items: Iterable<PlanItem>,
  options:
    | { dir: string; baseName: string; format: 'csv' | 'json'; bom: boolean }
    | { path: string; format: 'csv' | 'json'; bom: boolean },
): Promise<ExportedFile> {
  const path = 'path' in options ? options.path : join(options.dir, `${options.baseName}.${options.format}`);
  const fileName = basename(path);
  if (options.format === 'json') {
    const writer = new JsonArrayFileWriter(path);
    for (const item of items) await writer.write(item);
    await writer.close();
    return { fileName, path, rows: writer.rows };
  }
  const writer = new CsvFileWriter(
    path,
    [
      'seq',
      'objectType',
      'sourceKey',
      'displayName',
      'situation',
      'action',
      'targetId',
      'attribute',
      'oldValue',
      'newValue',
      'note',
    ],
    { bom: options.bom },
  );
  for (const item of items) {
    const base = {
      seq: item.seq,
      objectType: item.objectType,
      sourceKey: item.anchor,
      displayName: item.displayName,
      situation: item.situation,
      action: item.action,
      targetId: item.targetId,
      note: item.note,
    };
    if (item.changes.length === 0) await writer.write({ ...base, attribute: '', oldValue: '', newValue: '' });
    for (const change of item.changes)
      await writer.write({
        ...base,
        attribute: change.displayName,
        oldValue: change.oldValue,
        newValue: change.newValue,
      });
  }
  await writer.close();
  return { fileName, path, rows: writer.rows };
}
