/**
 * readMembers against real servers: what the engine reads to settle a membership write whose answer
 * was lost. Requests are asserted at the server.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { scimSettingsSchema } from '@shared/domain/connections';
import type { TargetConnector } from '../../../../src-main/connectors/connector';
import { createScimTarget } from '../../../../src-main/connectors/scim/scim-target';
import { startBetterAuthScimServer } from '../../../peers/better-auth-scim-server';
import type { ScimPeer } from '../../../peers/scim-request-log';
import { startScimmyServer } from '../../../peers/scimmy-server';

let counter = 0;
function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

describe.each([
  ['scimmy', () => startScimmyServer()],
  ['better-auth', () => startBetterAuthScimServer()],
])('readMembers against %s', (_name, start) => {
  let peer: ScimPeer;
  const open: TargetConnector[] = [];

  beforeAll(async () => {
    peer = await start();
  });
  afterAll(async () => {
    await peer.stop();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map(async (t) => t.close?.()));
  });

  function connect(): TargetConnector {
    const target = createScimTarget({
      settings: scimSettingsSchema.parse({ baseUrl: peer.baseUrl, authType: 'bearer' }),
      secrets: { bearerToken: peer.token },
      sleep: () => Promise.resolve(),
    });
    open.push(target);
    return target;
  }

  async function user(target: TargetConnector): Promise<string> {
    const name = `${unique('m')}@contoso.com`;
    return (await target.create('User', { userName: name, [`emails[type eq "work"].value`]: name })).id;
  }

  it('returns the ids of the members, asking for the members only', async () => {
    const target = connect();
    const members = [await user(target), await user(target), await user(target)];
    const group = await target.create('Group', { displayName: unique('Team ') });
    await target.modifyMembers(group.id, members, []);
    peer.resetRequests();
    const read = await target.readMembers!(group.id);
    expect([...read].sort()).toEqual([...members].sort());
    const first = peer.requests[0];
    expect(first).toMatchObject({ method: 'GET', path: `/Groups/${group.id}` });
    expect(first?.query['attributes']).toBe('members');
    expect(peer.requests).toHaveLength(1);
  });

  it('reads a member removal back', async () => {
    const target = connect();
    const [a, b] = [await user(target), await user(target)];
    const group = await target.create('Group', { displayName: unique('Team ') });
    await target.modifyMembers(group.id, [a, b], []);
    await target.modifyMembers(group.id, [], [a]);
    expect(await target.readMembers!(group.id)).toEqual([b]);
  });

  it('returns [] for an empty group', async () => {
    const target = connect();
    const group = await target.create('Group', { displayName: unique('Empty ') });
    peer.resetRequests();
    expect(await target.readMembers!(group.id)).toEqual([]);
    // Either the server says `members: []`, or it leaves the attribute out and the group is read whole.
    expect(peer.requests.length).toBeLessThanOrEqual(2);
  });

  it('reports a group that is gone as notFound', async () => {
    const target = connect();
    const group = await target.create('Group', { displayName: unique('Gone ') });
    await target.delete('Group', group.id);
    await expect(target.readMembers!(group.id)).rejects.toMatchObject({
      errorClass: 'notFound',
      code: 'InvalidAnchor',
    });
  });
});
