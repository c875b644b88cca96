import { stat } from 'node:fs/promises';
import type { ObjectType, SourceSchemaAttribute } from '@shared/domain/schema';
import type { SourceConnector, SourceObject } from '../../connectors/connector';
import type { ConnectionRecord } from '../../store/connections-repo';

/**
 * A whole source as read once, for the editors: search, schema, scope preview and impact all work
 * from it, so typing in a filter editor does not read a 100,000-row file on every keystroke.
 */
export interface SourceSnapshot {
  connectionId: string;
  connectionName: string;
  users: ReadonlyMap<string, SourceObject>;
  groups: ReadonlyMap<string, SourceObject>;
  /** Whether groups were read (the connection has a groups column, a memberships file, group classes). */
  groupsRead: boolean;
  /** What the connector declares (discoverSchema), read with the objects. */
  schema: SourceSchemaAttribute[];
  readAt: string;
}

export interface SourceSnapshotOptions {
  /** How long a read stays fresh. */
  ttlMs: number;
  /** Snapshots kept at once (least recently used is dropped first). */
  maxSnapshots: number;
  /** Objects kept over all snapshots; a read larger than this is used once and not kept. */
  maxObjects: number;
}

/**
 * The bound: at most 60 s old, at most 2 sources, at most 200,000 objects in all (a 100,000-row HR
 * file with its groups fits; about 1 KB per object, so some 200 MB at worst).
 */
export const defaultSnapshotOptions: SourceSnapshotOptions = {
  ttlMs: 60_000,
  maxSnapshots: 2,
  maxObjects: 200_000,
};

interface Entry {
  key: string;
  snapshot: Promise<SourceSnapshot>;
  storedAt: number;
  objects: number;
  /** Files the read opened (CSV): a change of size or time makes the snapshot stale before its TTL. */
  files: FileStamp[];
  /**
   * The read's change position (LDAP): a directory that reports a change after it (one small
   * request, `pollChanges`) makes the snapshot stale before its TTL.
   */
  watermark: string | null;
  done: boolean;
}

interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
}

export interface SourceSnapshots {
  /** The source as read within the TTL, or read now. Concurrent callers share one read. */
  get(connection: ConnectionRecord): Promise<SourceSnapshot>;
  /** Forget a connection's snapshot (its settings changed, or it was deleted). */
  invalidate(connectionId: string): void;
  /** Objects held now, for tests and the bound. */
  heldObjects(): number;
}

async function stampsOf(paths: readonly string[]): Promise<FileStamp[]> {
  return Promise.all(
    paths.map(async (path) => {
      try {
        const s = await stat(path);
        return { path, size: s.size, mtimeMs: s.mtimeMs };
      } catch {
        return { path, size: -1, mtimeMs: -1 };
      }
    }),
  );
}

async function filesChanged(files: readonly FileStamp[]): Promise<boolean> {
  const now = await stampsOf(files.map((f) => f.path));
  return now.some((s, i) => s.size !== files[i]?.size || s.mtimeMs !== files[i]?.mtimeMs);
}

export function createSourceSnapshots(
  open: (connection: ConnectionRecord) => Promise<SourceConnector>,
  clock: () => Date,
  options: SourceSnapshotOptions = defaultSnapshotOptions,
): SourceSnapshots {
  // Insertion order is recency order: a hit is deleted and set again.
  const entries = new Map<string, Entry>();

  function keyOf(connection: ConnectionRecord): string {
    // A saved change of the connection changes updatedAt, so its old snapshot is never used again.
    return `${connection.id}\u0000${connection.updatedAt}`;
  }

  function held(): number {
    let total = 0;
    for (const entry of entries.values()) total += entry.objects;
    return total;
  }

  function trim(): void {
    while (entries.size > options.maxSnapshots || held() > options.maxObjects) {
      const oldest = entries.keys().next();
      if (oldest.done) return;
      entries.delete(oldest.value);
    }
  }

  /** Whether the source changed since the entry was read: a file's stamp, or the directory's own answer. */
  async function changedSince(connection: ConnectionRecord, entry: Entry): Promise<boolean> {
    if (!entry.done) return false; // a read in flight is shared as it is
    if (await filesChanged(entry.files)) return true;
    if (entry.watermark === null) return false;
    const source = await open(connection);
    try {
      if (!source.pollChanges) return false;
      const poll = await source.pollChanges(entry.watermark, new AbortController().signal);
      return poll.changed;
    } catch {
      // A poll that fails says nothing; the read itself will report what is wrong.
      return true;
    } finally {
      await source.close?.();
    }
  }

  async function read(
    connection: ConnectionRecord,
    onFiles: (files: FileStamp[]) => void,
    onWatermark: (watermark: string | null) => void,
  ): Promise<SourceSnapshot> {
    const source = await open(connection);
    try {
      const objectTypes: ObjectType[] = source.capabilities.groups ? ['User', 'Group'] : ['User'];
      // Stamped before reading: a file written during the read makes the next call read again.
      onFiles(await stampsOf(source.watchTargets?.() ?? []));
      const schema = await source.discoverSchema();
      const result = await source.read({ objectTypes, since: null, signal: new AbortController().signal });
      const users = new Map<string, SourceObject>();
      const groups = new Map<string, SourceObject>();
      for await (const page of result.pages) {
        for (const object of page) (object.type === 'User' ? users : groups).set(object.anchor, object);
      }
      onWatermark(result.watermark());
      return {
        connectionId: connection.id,
        connectionName: connection.name,
        users,
        groups,
        groupsRead: objectTypes.includes('Group'),
        schema,
        readAt: clock().toISOString(),
      };
    } finally {
      await source.close?.();
    }
  }

  return {
    async get(connection) {
      const key = keyOf(connection);
      const now = Date.now();
      const existing = entries.get(key);
      if (
        existing &&
        now - existing.storedAt < options.ttlMs &&
        !(await changedSince(connection, existing))
      ) {
        entries.delete(key);
        entries.set(key, existing);
        return existing.snapshot;
      }
      for (const k of [...entries.keys()]) if (k.startsWith(`${connection.id}\u0000`)) entries.delete(k);
      let files: FileStamp[] = [];
      let watermark: string | null = null;
      const snapshot = read(
        connection,
        (stamps) => (files = stamps),
        (position) => (watermark = position),
      ).then(
        (done) => {
          entry.objects = done.users.size + done.groups.size;
          entry.files = files;
          entry.watermark = watermark;
          entry.done = true;
          entry.storedAt = Date.now();
          trim();
          return done;
        },
        (error: unknown) => {
          // A failed read is never cached: the next call tries again (the admin fixed the file).
          if (entries.get(key) === entry) entries.delete(key);
          throw error;
        },
      );
      const entry: Entry = {
        key,
        snapshot,
        storedAt: now,
        objects: 0,
        files: [],
        watermark: null,
        done: false,
      };
      entries.set(key, entry);
      return entry.snapshot;
    },
    invalidate(connectionId) {
      for (const k of [...entries.keys()]) if (k.startsWith(`${connectionId}\u0000`)) entries.delete(k);
    },
    heldObjects: held,
  };
}
