/**
 * Listing a target for matching and account discovery asks only for the attributes it reads
 * (`attributes=`, RFC 7644 §3.4.2.5), against scimmy (which honours it) and quirk peers that ignore
 * or refuse it; the values read are the same in every case. Requests are asserted at the server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { scimSettingsSchema } from '@shared/domain/connections';
import type { TargetConnector, TargetObjectState } from '../../../../src-main/connectors/connector';
import { createScimTarget } from '../../../../src-main/connectors/scim/scim-target';
import { createQuirkLayer, type ScimQuirks } from '../../../peers/scim-quirks';
import { startScimmyServer, type ScimmyPeer } from '../../../peers/scimmy-server';

const workEmail = 'emails[type eq "work"].value';
const paths = ['userName', workEmail, 'externalId', 'active'];

describe('listing a SCIM target asks only for the attributes it reads', () => {
  let peer: ScimmyPeer | null = null;
  const open: TargetConnector[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map(async (t) => t.close?.()));
    await peer?.stop();
    peer = null;
  });

  async function start(quirks: ScimQuirks = {}) {
    const layer = createQuirkLayer(quirks);
    peer = await startScimmyServer({ layers: layer.layers });
    const target = createScimTarget({
      settings: scimSettingsSchema.parse({ baseUrl: peer.baseUrl, authType: 'bearer' }),
      secrets: { bearerToken: peer.token },
      sleep: () => Promise.resolve(),
    });
    open.push(target);
    for (let i = 1; i <= 3; i++) {
      await target.create('User', {
        userName: `user${i}@example.com`,
        displayName: `User ${i}`,
        [workEmail]: `user${i}@example.com`,
        'name.givenName': `Given${i}`,
        title: 'Engineer',
        externalId: `E000${i}`,
        active: true,
      });
    }
    peer.resetRequests();
    return { peer, target, layer };
  }

  async function listUsers(target: TargetConnector): Promise<TargetObjectState[]> {
    const all: TargetObjectState[] = [];
    for await (const page of target.listAll!('User', paths)) all.push(...page.objects);
    return all.sort((a, b) => String(a.values['userName']).localeCompare(String(b.values['userName'])));
  }

  function expectValues(users: TargetObjectState[]): void {
    expect(users).toHaveLength(3);
    expect(users[1]).toMatchObject({
      displayName: 'User 2',
      values: {
        userName: 'user2@example.com',
        [workEmail]: 'user2@example.com',
        externalId: 'E0002',
        active: true,
      },
    });
  }

  it('scimmy answers only the attributes asked for, and the values read are complete', async () => {
    const { peer, target } = await start();
    expectValues(await listUsers(target));
    const list = peer.requests.filter((r) => r.method === 'GET' && r.path === '/Users');
    expect(list).toHaveLength(1);
    expect(list[0]?.query['attributes']).toBe('userName,displayName,emails,externalId,active');
    // What scimmy answers to that request: no name, no title.
    const response = await fetch(
      `${peer.baseUrl}/Users?attributes=${encodeURIComponent(String(list[0]?.query['attributes']))}`,
      { headers: { Authorization: `Bearer ${peer.token}` } },
    );
    const body = (await response.json()) as { Resources: Record<string, unknown>[] };
    expect(body.Resources).toHaveLength(3);
    for (const resource of body.Resources) {
      expect(resource).toHaveProperty('id');
      expect(resource).toHaveProperty('emails');
      expect(resource).not.toHaveProperty('name');
      expect(resource).not.toHaveProperty('title');
    }
  });

  it('reads the same values from a server that ignores attributes= and answers whole resources', async () => {
    const { target, layer } = await start({ listAttributes: 'ignored' });
    expectValues(await listUsers(target));
    expect(layer.refusals).toEqual([]);
  });

  it('lists again without attributes= when the server refuses it, and does not ask that server again', async () => {
    const { peer, target, layer } = await start({ listAttributes: 'refused' });
    expectValues(await listUsers(target));
    expectValues(await listUsers(target));
    expect(layer.refusals.map((r) => [r.status, r.scimType])).toEqual([[400, 'invalidValue']]);
    const lists = peer.requests.filter((r) => r.method === 'GET' && r.path === '/Users');
    expect(lists.map((r) => r.query['attributes'] !== undefined)).toEqual([true, false, false]);
  });
});
