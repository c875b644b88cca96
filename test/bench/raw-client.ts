/**
 * The baseline: a minimal SCIM client (undici, like Roster's connector) that sends the very request
 * bodies Roster sent — recorded at the server during Roster's run — at the same concurrency, with
 * nothing else: no source to read, no matching, no store, no log. Server-assigned ids in paths and
 * bodies are mapped to the ids the replay's own creates got back.
 */
import { Agent, request } from 'undici';
import type { RecordedWrite } from './bench-server';

export interface RawRun {
  wallMs: number;
  /** CPU time of the client (this process, user + system) during the replay. */
  cpuMs: number;
  requests: number;
  failures: number;
  /** The first failed request and its answer, to say why. */
  firstFailure?: string;
}

interface Target {
  baseUrl: string;
  token: string;
}

const uuidLike = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

async function pool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

function client(target: Target) {
  const agent = new Agent({ keepAliveTimeout: 60_000 });
  const headers = {
    authorization: `Bearer ${target.token}`,
    accept: 'application/scim+json',
    'content-type': 'application/scim+json',
  };
  let failures = 0;
  let requests = 0;
  let firstFailure: string | undefined;
  return {
    async send(method: string, path: string, body?: unknown): Promise<unknown> {
      requests++;
      const response = await request(`${target.baseUrl}${path}`, {
        method: method as 'GET',
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        dispatcher: agent,
      });
      const text = await response.body.text();
      if (response.statusCode >= 300) {
        failures++;
        firstFailure ??= `${method} ${path} ${JSON.stringify(body)?.slice(0, 300)} → ${response.statusCode} ${text.slice(0, 300)}`;
      }
      return text ? (JSON.parse(text) as unknown) : undefined;
    },
    counts: () => ({ requests, failures, ...(firstFailure ? { firstFailure } : {}) }),
    close: () => agent.close(),
  };
}

/** Every resource of an endpoint, paged (untimed: used to map the recorded run's ids). */
export async function listAll(
  target: Target,
  endpoint: 'Users' | 'Groups',
): Promise<Record<string, unknown>[]> {
  const http = client(target);
  const all: Record<string, unknown>[] = [];
  // Servers cap the page size (the sandbox at 100): the next page starts after what came back.
  for (let start = 1; ;) {
    const page = (await http.send(
      'GET',
      `/${endpoint}?startIndex=${start}&count=1000${endpoint === 'Groups' ? '&excludedAttributes=members' : ''}`,
    )) as { Resources?: Record<string, unknown>[]; totalResults?: number };
    const resources = page.Resources ?? [];
    all.push(...resources);
    start += resources.length;
    if (resources.length === 0 || all.length >= (page.totalResults ?? 0)) break;
  }
  await http.close();
  return all;
}

/** The identity of a created resource, the same in the recorded run and the replay. */
function nameOf(endpoint: string, resource: Record<string, unknown>): string {
  return String(endpoint === 'Users' ? resource['userName'] : resource['displayName']).toLowerCase();
}

/**
 * Replays an initial cycle's writes: creates of users, then groups, then everything else (member and
 * manager PATCHes), each phase at `concurrency` requests in flight, as Roster's phases run.
 */
export async function replayInitial(
  writes: readonly RecordedWrite[],
  recorded: { Users: Record<string, unknown>[]; Groups: Record<string, unknown>[] },
  target: Target,
  concurrency: number,
): Promise<RawRun> {
  const oldIdByName = new Map<string, string>();
  for (const endpoint of ['Users', 'Groups'] as const)
    for (const resource of recorded[endpoint])
      oldIdByName.set(`${endpoint}:${nameOf(endpoint, resource)}`, String(resource['id']));
  const newIdOfOld = new Map<string, string>();
  const http = client(target);
  const creates = (endpoint: string) =>
    writes.filter((w) => w.method === 'POST' && w.path === `/${endpoint}`);
  const rest = writes.filter((w) => !(w.method === 'POST' && (w.path === '/Users' || w.path === '/Groups')));
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const endpoint of ['Users', 'Groups']) {
    await pool(creates(endpoint), concurrency, async (write) => {
      const created = (await http.send('POST', write.path, write.body)) as Record<string, unknown>;
      const old = oldIdByName.get(`${endpoint}:${nameOf(endpoint, write.body as Record<string, unknown>)}`);
      if (old && typeof created['id'] === 'string') newIdOfOld.set(old, created['id']);
    });
  }
  const remap = (text: string) => text.replace(uuidLike, (id) => newIdOfOld.get(id) ?? id);
  await pool(rest, concurrency, async (write) => {
    const body =
      write.body === undefined ? undefined : (JSON.parse(remap(JSON.stringify(write.body))) as unknown);
    await http.send(write.method, remap(write.path), body);
  });
  const wallMs = performance.now() - started;
  await http.close();
  return { wallMs, cpuMs: cpuMsSince(cpu), ...http.counts() };
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return Math.round((used.user + used.system) / 1000);
}

/** Replays an incremental cycle's updates as Roster sends them: GET the object, then its PATCH. */
export async function replayUpdates(
  writes: readonly RecordedWrite[],
  target: Target,
  concurrency: number,
): Promise<RawRun> {
  const http = client(target);
  const started = performance.now();
  const cpu = process.cpuUsage();
  await pool(writes, concurrency, async (write) => {
    if (write.method === 'PATCH' && write.path.startsWith('/Users/')) await http.send('GET', write.path);
    await http.send(write.method, write.path, write.body);
  });
  const wallMs = performance.now() - started;
  await http.close();
  return { wallMs, cpuMs: cpuMsSince(cpu), ...http.counts() };
}
