import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { source, tempDir, type TempDir } from './csv-test-kit';

const rowCount = 200_000;
const surnames = ['김', '이', '박', 'Müller', 'Núñez', 'Smith', 'Lefèvre', 'Ødegård'];

/** A realistic 200,000-row export, written in chunks so the test itself does not hold it either. */
async function writeLargeFile(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(
    '\ufeffemployeeId,givenName,surname,displayName,email,department,manager,office,status,groups\r\n',
  );
  let chunk = '';
  for (let i = 0; i < rowCount; i++) {
    const id = `E${String(i).padStart(7, '0')}`;
    const manager = i === 0 ? '' : `E${String(Math.floor((i - 1) / 8)).padStart(7, '0')}`;
    const surname = surnames[i % surnames.length] ?? '';
    const status = i % 97 === 0 ? 'Terminated' : 'Active';
    chunk += `${id},Given${i},${surname},"${surname}, Given${i}",user${i}@corp.example,Dept ${i % 40},${manager},Office ${i % 12},${status},Dept ${i % 40};Project ${i % 7}\r\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

describe('CSV streaming', () => {
  let dir: TempDir;
  let path: string;
  beforeAll(async () => {
    dir = tempDir();
    path = join(dir.path, 'large.csv');
    await writeLargeFile(path);
  }, 120_000);
  afterAll(() => dir.remove());

  it(`reads ${rowCount.toLocaleString('en-US')} rows in pages with bounded memory`, async () => {
    const fileBytes = statSync(path).size;
    const connector = source({
      path,
      managerColumn: 'manager',
      statusColumn: 'status',
      groupsColumn: 'groups',
    });
    const baseline = process.memoryUsage().heapUsed;
    let peakHeap = baseline;
    const sample = (): void => {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    };
    const timer = setInterval(sample, 20);
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const started = performance.now();

    const read = await connector.read({
      objectTypes: ['User', 'Group'],
      since: null,
      signal: new AbortController().signal,
    });
    const validatedAt = performance.now();
    let users = 0;
    let groups = 0;
    let softDeleted = 0;
    let maxPage = 0;
    let memberships = 0;
    for await (const page of read.pages) {
      sample();
      maxPage = Math.max(maxPage, page.length);
      for (const object of page) {
        if (object.type === 'User') {
          users++;
          if (object.softDeleted) softDeleted++;
        } else {
          groups++;
          memberships += object.members?.length ?? 0;
        }
      }
    }
    const finished = performance.now();
    clearInterval(timer);
    loopDelay.disable();
    sample();

    const growthMb = (peakHeap - baseline) / 1024 / 1024;
    const report = {
      rows: rowCount,
      fileMb: +(fileBytes / 1024 / 1024).toFixed(1),
      validateSeconds: +((validatedAt - started) / 1000).toFixed(2),
      readSeconds: +((finished - validatedAt) / 1000).toFixed(2),
      totalSeconds: +((finished - started) / 1000).toFixed(2),
      peakHeapGrowthMb: +growthMb.toFixed(1),
      rssMb: +(process.memoryUsage().rss / 1024 / 1024).toFixed(1),
      // The longest the event loop waited (includes GC pauses): ARCHITECTURE.md §4 asks for < 50 ms turns.
      maxEventLoopDelayMs: +(loopDelay.max / 1e6).toFixed(1),
      p99EventLoopDelayMs: +(loopDelay.percentile(99) / 1e6).toFixed(1),
    };
    console.log(`CSV streaming measurement: ${JSON.stringify(report)}`);

    expect(users).toBe(rowCount);
    expect(read.expectedCount).toBe(rowCount + groups);
    expect(groups).toBe(47);
    expect(memberships).toBe(rowCount * 2);
    expect(softDeleted).toBe(Math.floor((rowCount - 1) / 97) + 1);
    expect(maxPage).toBe(500);
    expect(read.warnings).toEqual([]);
    // Generous: the whole file as objects would be several times this; pages and the key set are not.
    expect(growthMb).toBeLessThan(200);
  }, 180_000);
});
