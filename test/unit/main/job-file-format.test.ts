import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobFileSchema } from '@shared/domain/job-file';
import { jobFileJsonSchema } from '../../../src-main/cli/commands/job';

const docs = resolve(import.meta.dirname, '../../../docs');

describe('the documented job file format', () => {
  it('ships the JSON Schema generated from the zod schemas (regenerate: roster job schema > docs/job-format.schema.json)', () => {
    const shipped = JSON.parse(readFileSync(resolve(docs, 'job-format.schema.json'), 'utf8')) as unknown;
    expect(shipped).toEqual(jobFileJsonSchema());
  });

  it('has an example that the app accepts', () => {
    const markdown = readFileSync(resolve(docs, 'job-format.md'), 'utf8');
    const example = /## Example\s+```json\n([\s\S]*?)```/.exec(markdown)?.[1];
    expect(example).toBeDefined();
    const parsed = jobFileSchema.safeParse(JSON.parse(example ?? '{}'));
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data?.job.settings).toMatchObject({
      scope: 'all',
      deletionThreshold: 50,
      preventAccidentalDeletes: true,
    });
  });

  it('never has a place for a secret', () => {
    const text = JSON.stringify(jobFileJsonSchema()).toLowerCase();
    for (const word of ['password', 'bearertoken', 'clientsecret']) expect(text).not.toContain(word);
  });
});
