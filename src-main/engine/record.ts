import type { EscrowErrorClass } from '@shared/domain/escrow';
import { messageOf, type LogText } from '@shared/domain/log-messages';
import type { ObjectType } from '@shared/domain/schema';
import type { SourceObject } from '../connectors/connector';
import type { IntentDetail, IntentOperation } from '../store/intents-repo';
import type { LinkRecord } from '../store/links-repo';
import type { CycleContext } from './cycle-context';
import type { LogBuilder } from './log-builder';
import { objectKey } from '../store/object-key';

export interface ObjectIdentity {
  type: ObjectType;
  anchor: string;
  displayName: string;
}

export function identityOf(object: SourceObject): ObjectIdentity {
  return { type: object.type, anchor: object.anchor, displayName: object.displayName };
}

/**
 * What one finished write (or decision) leaves in the store. Everything in it is written in one
 * SQLite transaction, together with the deletion of the write's intent, so the store either knows
 * the whole outcome or still holds the intent (docs/architecture.md "Send and record"). In a cycle
 * that transaction holds other objects' outcomes too (write-behind.ts).
 */
export interface Outcome {
  log?: LogBuilder | null;
  link?: LinkRecord | 'delete' | null;
  /**
   * Recorded only when every write the object needs has landed (or is durably queued); it also
   * closes the object's escrow entries.
   */
  stateHash?: string | null;
  /** The action failed: the object's escrow entry is opened or counts one more attempt (§9.2). */
  failure?: EscrowFailureOf | null;
}

/** A failed action, as escrow keeps it. */
export interface EscrowFailureOf {
  errorClass: EscrowErrorClass;
  code: string;
  message: string;
  /** The message under its log code, when the engine wrote it so (the job page translates it). */
  text?: LogText;
  /** A manager or membership write of an object whose own write landed. */
  isReference: boolean;
  /** The object's state hash in this cycle: a later cycle with another hash retries it at once. */
  attemptedHash: string;
}

export function record(ctx: CycleContext, object: ObjectIdentity, outcome: Outcome): void {
  if (ctx.dryRun) return;
  const entry = outcome.log ? outcome.log.build(ctx.clock()) : null;
  const { link, stateHash } = outcome;
  const key = objectKey(object.type, object.anchor);
  const intentIds = ctx.openIntents.get(key) ?? [];
  ctx.openIntents.delete(key);
  // Everything but the log entry, which the write-behind inserts with its batch's others.
  const writeOutcome = () => {
    if (link === 'delete') ctx.store.links.delete(ctx.job.id, object.type, object.anchor);
    else if (link) ctx.store.links.upsert(link);
    if (stateHash) {
      ctx.store.sourceState.upsertMany(ctx.job.id, [
        { objectType: object.type, anchor: object.anchor, stateHash, displayName: object.displayName },
      ]);
      ctx.store.escrows.clearObject(ctx.job.id, object.type, object.anchor);
    }
    if (outcome.failure) {
      const f = outcome.failure;
      ctx.store.escrows.recordFailure(
        ctx.job.id,
        {
          objectType: object.type,
          anchor: object.anchor,
          displayName: object.displayName,
          isReference: f.isReference,
          errorClass: f.errorClass,
          errorCode: f.code,
          errorMessage: f.message,
          ...(f.text ? { errorText: messageOf(f.text) } : {}),
          attemptedHash: f.attemptedHash,
        },
        ctx.clock().toISOString(),
      );
    }
    for (const id of intentIds) ctx.store.intents.finish(id);
  };
  // Provision on demand writes each outcome at once.
  if (!ctx.writes) {
    ctx.store.transaction(() => {
      writeOutcome();
      if (entry) ctx.store.log.insertMany([entry]);
    });
    setLink(ctx, key, link);
    return;
  }
  // A cycle batches outcomes (write-behind.ts). The cycle's view of the link changes first: `queue`
  // may commit at once, and the commit lets the view drop the record it holds (job-links.ts).
  setLink(ctx, key, link);
  ctx.writes.queue(writeOutcome, {
    log: entry,
    ...(link && link !== 'delete' ? { committed: () => ctx.links.settled(key, link) } : {}),
  });
}

function setLink(ctx: CycleContext, key: string, link: Outcome['link']): void {
  if (link === 'delete') ctx.links.delete(key);
  else if (link) ctx.links.set(key, link);
}

/**
 * Sends one target write behind a write-ahead intent: the intent is committed before `send` runs
 * and stays open (in `ctx.openIntents`) until `record` writes the outcome, which finishes it in the
 * same transaction. An object may have several open intents (a create answered ambiguously, then
 * the update of the object found): `record` finishes them all at once.
 */
export async function sendWrite<T>(
  ctx: CycleContext,
  object: ObjectIdentity,
  operation: IntentOperation,
  targetId: string | null,
  detail: IntentDetail,
  send: () => Promise<T>,
): Promise<T> {
  await openIntent(ctx, object, operation, targetId, detail);
  return send();
}

/**
 * Commits a write-ahead intent for a write that follows later, and keeps it open until `record`
 * writes the object's outcome: `sendWrite` without the send. A linked object's update opens its
 * intent before it reads the target (apply-update.ts); nothing in a dry run.
 */
export async function openIntent(
  ctx: CycleContext,
  object: ObjectIdentity,
  operation: IntentOperation,
  targetId: string | null,
  detail: IntentDetail,
): Promise<void> {
  if (ctx.dryRun) return;
  const key = objectKey(object.type, object.anchor);
  const id = await beginIntent(ctx, object, operation, targetId, detail);
  const open = ctx.openIntents.get(key) ?? [];
  open.push(id);
  ctx.openIntents.set(key, open);
}

/**
 * Leaves the object's open intent in the store for the next cycle's recovery: the write may have
 * landed and this process could not find out (the lookup or read-back failed too).
 */
export function keepIntent(ctx: CycleContext, object: ObjectIdentity): void {
  ctx.openIntents.delete(objectKey(object.type, object.anchor));
}

function beginIntent(
  ctx: CycleContext,
  object: ObjectIdentity,
  operation: IntentOperation,
  targetId: string | null,
  detail: IntentDetail,
): Promise<number> {
  const intent = {
    jobId: ctx.job.id,
    cycleId: ctx.cycleId,
    objectType: object.type,
    anchor: object.anchor,
    displayName: object.displayName,
    operation,
    targetId,
    detail,
    createdAt: ctx.clock().toISOString(),
  };
  // Committed before the write is sent, either way (write-behind.ts groups it with queued outcomes).
  return ctx.writes ? ctx.writes.beginIntent(intent) : Promise.resolve(ctx.store.intents.begin(intent));
}

/**
 * Objects whose state hash waits for later phases: a user's manager reference, a group's
 * memberships. The hash is recorded by the phase that sends the object's last write.
 */
export function deferState(ctx: CycleContext, object: ObjectIdentity, stateHash: string): void {
  ctx.deferredState.set(objectKey(object.type, object.anchor), stateHash);
}

/** The deferred hash of an object, taken out of the waiting set (null when none waits). */
export function takeDeferredState(ctx: CycleContext, object: ObjectIdentity): string | null {
  const key = objectKey(object.type, object.anchor);
  const hash = ctx.deferredState.get(key) ?? null;
  ctx.deferredState.delete(key);
  return hash;
}
