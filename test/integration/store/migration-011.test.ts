import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/db';
import { createJobsRepo } from '../../../src-main/store/jobs-repo';
import { migrations } from '../../../src-main/store/migrations/index';
import { migration011PreviewJobs } from '../../../src-main/store/migrations/011-preview-jobs';
import { makeTempDir } from '../temp-dir';

const before011 = migrations.filter((m) => m.version < 11);
const upTo011 = [...before011, migration011PreviewJobs];

const seed = `
  INSERT INTO connections (id, name, kind, settings_json, created_at, updated_at)
    VALUES ('s', 'HR', 'csv', '{}', 't', 't'), ('t', 'App', 'scim', '{}', 't', 't');
  INSERT INTO jobs (id, name, source_connection_id, target_connection_id, config_json, status, created_at, updated_at)
    VALUES ('j1', 'HR → App', 's', 't', '{}', 'Active', 't', 't');
`;

describe('migration 011 (the wizard’s preview jobs)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  it('keeps every job stored before it a real, listed job', () => {
    const path = join(dir.path, 'roster.db');
    const old = openDatabase({ path, migrations: before011 });
    old.db.exec(seed);
    old.db.close();

    const upgraded = openDatabase({ path, migrations: upTo011 });
    expect(upgraded.schemaVersion).toBe(11);
    const jobs = createJobsRepo(upgraded.db);
    expect(jobs.list().map((j) => [j.id, j.preview])).toEqual([['j1', false]]);
    expect(jobs.previews()).toEqual([]);
    upgraded.db.close();
  });

  it('lists a preview apart from the jobs until it is finished, and refuses a value other than 0 or 1', () => {
    const opened = openDatabase({ path: join(dir.path, 'roster.db'), migrations: upTo011 });
    opened.db.exec(seed);
    const jobs = createJobsRepo(opened.db);
    const real = jobs.get('j1');
    if (!real) throw new Error('seed missing');
    jobs.insert({ ...real, id: 'p1', name: 'Wizard job', preview: true });

    expect(jobs.list().map((j) => j.id)).toEqual(['j1']);
    expect(jobs.previews().map((j) => j.id)).toEqual(['p1']);
    // An update (the wizard storing a changed configuration) keeps it a preview.
    jobs.update({ ...real, id: 'p1', name: 'Wizard job 2', preview: false });
    expect(jobs.get('p1')?.preview).toBe(true);

    expect(jobs.finishPreview('p1', 'later')).toBe(true);
    expect(jobs.finishPreview('p1', 'later')).toBe(false);
    expect(jobs.list().map((j) => j.id)).toEqual(['j1', 'p1']);
    expect(() => opened.db.exec("UPDATE jobs SET preview = 2 WHERE id = 'j1'")).toThrow(/CHECK/);
    opened.db.close();
  });
});
