import { describe, expect, it } from 'vitest';
import { createOperationGate } from '../../../../../src-main/connectors/ldap/operation-gate';

/** A promise settled from outside, for operations the test finishes when it chooses. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('operation gate', () => {
  it('keeps at most its limit in flight and starts the waiting in the order they came', async () => {
    const gate = createOperationGate(2);
    const started: number[] = [];
    const finish = Array.from({ length: 5 }, () => deferred());
    const runs = finish.map((d, i) =>
      gate.run(async () => {
        started.push(i);
        await d.promise;
        return i;
      }),
    );
    await turn();
    expect(started).toEqual([0, 1]);
    finish[1]?.resolve();
    await turn();
    expect(started).toEqual([0, 1, 2]);
    finish[0]?.resolve();
    finish[2]?.resolve();
    await turn();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    finish[3]?.resolve();
    finish[4]?.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
  });

  it('frees the slot of an operation that fails, and passes its error on', async () => {
    const gate = createOperationGate(1);
    const failing = gate.run(() => Promise.reject(new Error('busy')));
    const next = gate.run(() => Promise.resolve('next'));
    await expect(failing).rejects.toThrow('busy');
    expect(await next).toBe('next');
  });

  it('starts an operation in the same turn while a slot is free', async () => {
    const gate = createOperationGate(3);
    let started = false;
    void gate.run(async () => {
      started = true;
    });
    expect(started).toBe(true);
  });
});
