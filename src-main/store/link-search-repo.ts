import type { Database } from './db';
import { fromRow, type LinkRecord, type LinkRow } from './links-repo';

/**
 * Finding one object's link among a job's many (issue 12 item 6): by its source key or target id
 * exactly (through the primary key and the `links_target` index), then by words of its display name.
 * Only the rows shown are read, so a job with 100,000 links answers at once.
 */
export interface LinkSearchRepo {
  find(jobId: string, query: string, limit: number): LinkRecord[];
  count(jobId: string): number;
}

// Rows read as links-repo reads them: one mapping for every link query.

function likePattern(words: string): string {
  return `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function createLinkSearchRepo(db: Database): LinkSearchRepo {
  const exact = db.prepare<[string, string, string], LinkRow>(
    `SELECT * FROM links WHERE job_id = ? AND (anchor = ? OR target_id = ?) ORDER BY object_type, anchor LIMIT 20`,
  );
  const byName = db.prepare<[string, string, string, string, number], LinkRow>(
    `SELECT * FROM links WHERE job_id = ? AND (display_name LIKE ? ESCAPE '\\' OR anchor LIKE ? ESCAPE '\\' OR target_id LIKE ? ESCAPE '\\')
     ORDER BY display_name COLLATE NOCASE, anchor LIMIT ?`,
  );
  const first = db.prepare<[string, number], LinkRow>(
    'SELECT * FROM links WHERE job_id = ? ORDER BY display_name COLLATE NOCASE, anchor LIMIT ?',
  );
  const countRows = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM links WHERE job_id = ?');
  return {
    find(jobId, query, limit) {
      if (query === '') return first.all(jobId, limit).map(fromRow);
      const found = new Map<string, LinkRecord>();
      for (const row of exact.all(jobId, query, query))
        found.set(`${row.object_type}/${row.anchor}`, fromRow(row));
      if (found.size < limit) {
        const pattern = likePattern(query);
        for (const row of byName.all(jobId, pattern, pattern, pattern, limit)) {
          if (found.size >= limit) break;
          found.set(`${row.object_type}/${row.anchor}`, fromRow(row));
        }
      }
      return [...found.values()].slice(0, limit);
    },
    count: (jobId) => countRows.get(jobId)?.n ?? 0,
  };
}
