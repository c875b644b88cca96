/**
 * Fast deprovisioning from a directory: the change poll against a real OpenLDAP (slapd), through the
 * real app and scheduler. A changed entry (a leaver disabled in the directory) starts a cycle that
 * disables them in a real SCIM server; polls of an unchanged directory start none. The poll runs
 * every second here instead of every minute, so the test takes seconds.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { genericScimTargetSchema } from '@shared/domain/scim-template';
import { openLdapToScimUserMappings } from '../../../src-main/connectors/ldap/default-mappings';
import { startScimmyServer } from '../../peers/scimmy-server';
import { ouLdif, startSlapd, usersLdif, type SlapdPeer } from '../../peers/slapd-server';
import { usePrivateKeyring } from '../use-private-keyring';
import { WatchKit } from './watch-kit';

const people = 'ou=People,dc=example,dc=com';
const user = (n: number) => `uid=user${String(n).padStart(5, '0')},${people}`;

describe('fast deprovisioning: polling a directory', () => {
  let kit: WatchKit | null = null;
  let slapd: SlapdPeer | null = null;
  beforeAll(() => usePrivateKeyring());
  afterEach(async () => {
    await kit?.stop();
    await slapd?.stop();
    kit = null;
    slapd = null;
  });

  it('starts a cycle when an entry changed, and none while the directory is unchanged', async () => {
    slapd = await startSlapd({ ldif: ouLdif(people) + usersLdif(10, people) });
    kit = new WatchKit(await startScimmyServer(), { directoryPollMs: 1_000 });
    await kit.ok('connections.create', {
      name: 'Directory',
      kind: 'ldap',
      settings: {
        url: slapd.url,
        bindDn: slapd.bindDn,
        baseDn: slapd.baseDn,
        userSearchBase: people,
        disableAttribute: 'employeeType',
        disableValue: 'disabled',
      },
      secrets: { bindPassword: slapd.password },
    });
    await kit.targetConnection();
    kit.job({
      name: 'Directory → App',
      sourceConnection: 'Directory',
      targetConnection: 'App',
      settings: { scope: 'all', intervalMinutes: 40 },
      objectMappings: [
        {
          name: 'Users',
          sourceObject: 'User',
          targetObject: 'User',
          attributeMappings: openLdapToScimUserMappings(),
        },
      ],
      targetSchema: genericScimTargetSchema,
    });
    await kit.startJob();
    expect(kit.cycles().map((c) => [c.kind, c.status, c.counters.created])).toEqual([
      ['initial', 'completed', 10],
    ]);

    // Unchanged: several polls, no cycle.
    await sleep(4_000);
    expect((await kit.detail()).sourceWatch).toEqual({ kind: 'poll', everySeconds: 1, by: 'csn' });
    expect(kit.cycles()).toHaveLength(1);
    expect(kit.warnings).toEqual([]);

    // A leaver, disabled in the directory: the next poll starts the (delta) cycle that disables them.
    const [entry] = await slapd.search(people, '(uid=user00007)', ['entryUUID']);
    const targetId = kit.targetIdOf(entry?.['entryUUID']?.[0] ?? '');
    await slapd.replace(user(7), 'employeeType', 'disabled');
    const changed = performance.now();
    const arrived = await kit.writeArrival(targetId, 30_000);
    await kit.app.scheduler.idle();
    console.log(
      `Directory leaver latency (modify → PATCH, polling every 1 s): ${((arrived - changed) / 1000).toFixed(2)} s`,
    );
    expect(
      kit
        .cycles()
        .slice(1)
        .map((c) => [c.kind, c.initiatedBy, c.counters.disabled]),
    ).toEqual([['incremental', 'source change', 1]]);
    expect(kit.peer.storedUser(targetId)?.['active']).toBe(false);

    // Quiet again once the cycle stored the new watermark.
    await sleep(4_000);
    expect(kit.cycles()).toHaveLength(2);
  }, 120_000);
});
