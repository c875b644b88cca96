import { describe, expect, it } from 'vitest';
import { ConnectorError, type TargetPage } from '../../../../../src-main/connectors/connector';
import type { ScimHttpClient, ScimRequest } from '../../../../../src-main/connectors/scim/http-client';
import { listedAttributes, listPages } from '../../../../../src-main/connectors/scim/list-pages';

/** A server holding `users`, answering at most `cap` per page; `mutate` runs after the first page. */
function server(users: string[], cap: number, mutate?: () => void) {
  const sent: ScimRequest[] = [];
  const client: ScimHttpClient = {
    display: 'test',
    urlOf: () => '',
    close: () => Promise.resolve(),
    send(request) {
      sent.push(request);
      const query = Object.fromEntries(request.query ?? []);
      const start = Number(query['startIndex']);
      const page = users.slice(start - 1, start - 1 + Math.min(cap, Number(query['count'])));
      const body = {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
        totalResults: users.length,
        Resources: page.map((userName) => ({ id: `id-${userName}`, userName })),
      };
      if (sent.length === 1) mutate?.();
      return Promise.resolve({ status: 200, body });
    },
  };
  return { client, sent };
}

async function collect(pages: AsyncIterable<TargetPage>): Promise<TargetPage[]> {
  const all: TargetPage[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

describe('listing a whole endpoint', () => {
  it('advances by what each page returned when the server caps the page size', async () => {
    const users = Array.from({ length: 250 }, (_, i) => `u${i}`);
    const { client, sent } = server(users, 100);
    const pages = await collect(listPages(client, 'Users', [], ['userName']));
    expect(pages.map((p) => p.objects.length)).toEqual([100, 100, 50]);
    expect(sent.map((r) => Object.fromEntries(r.query ?? [])['startIndex'])).toEqual(['1', '101', '201']);
    expect(pages[2]?.objects.at(-1)).toEqual({
      id: 'id-u249',
      values: { userName: 'u249' },
      displayName: 'u249',
    });
  });

  it('rejects a list that changed while it was read, so matching falls back to queries', async () => {
    const users = Array.from({ length: 150 }, (_, i) => `u${i}`);
    // Someone deletes a user of the first page: every later one shifts left by one, and one is never seen.
    const { client } = server(users, 100, () => users.splice(5, 1));
    await expect(collect(listPages(client, 'Users', [], ['userName']))).rejects.toMatchObject({
      code: 'InconsistentList',
    });
  });
});

/** A server that answers `refusal` to the first request carrying `attributes`, then lists normally. */
function refusingServer(users: string[], refusal: { status: number; code: string }) {
  const inner = server(users, 100);
  let refused = 0;
  const client: ScimHttpClient = {
    ...inner.client,
    send(request) {
      const query = Object.fromEntries(request.query ?? []);
      if (query['attributes'] !== undefined) {
        refused += 1;
        inner.sent.push(request);
        return Promise.reject(
          new ConnectorError('objectRejected', refusal.code, 'The attributes parameter is not supported', {
            status: refusal.status,
          }),
        );
      }
      return inner.client.send(request);
    },
  };
  return { client, sent: inner.sent, refused: () => refused };
}

describe('asking only for the attributes the caller reads', () => {
  it('asks for the top-level attribute of each path and the names a log shows', () => {
    expect(
      listedAttributes('Users', [
        'userName',
        'emails[type eq "work"].value',
        'name.givenName',
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value',
        'active',
      ]),
    ).toEqual([
      'userName',
      'displayName',
      'emails',
      'name',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
      'active',
    ]);
    expect(listedAttributes('Groups', ['displayName', 'externalId'])).toEqual(['displayName', 'externalId']);
  });

  it('sends attributes= on every page, instead of excludedAttributes', async () => {
    const users = Array.from({ length: 150 }, (_, i) => `u${i}`);
    const { client, sent } = server(users, 100);
    await collect(listPages(client, 'Groups', [['excludedAttributes', 'members']], ['externalId']));
    expect(sent.map((r) => Object.fromEntries(r.query ?? []))).toEqual([
      { attributes: 'displayName,externalId', startIndex: '1', count: '500' },
      { attributes: 'displayName,externalId', startIndex: '101', count: '500' },
    ]);
  });

  it.each([
    [400, 'InvalidValue'],
    [501, 'NotImplemented'],
  ])(
    'lists whole resources when the server refuses attributes= with %i, and never asks that server again',
    async (status, code) => {
      const users = Array.from({ length: 120 }, (_, i) => `u${i}`);
      const { client, sent, refused } = refusingServer(users, { status, code });
      const pages = await collect(listPages(client, 'Users', [['excludedAttributes', 'x']], ['userName']));
      expect(pages.flatMap((p) => p.objects)).toHaveLength(120);
      expect(refused()).toBe(1);
      // The fallback keeps the caller's own query as it was.
      expect(Object.fromEntries(sent[1]?.query ?? [])).toEqual({
        excludedAttributes: 'x',
        startIndex: '1',
        count: '500',
      });
      await collect(listPages(client, 'Users', [], ['userName']));
      expect(refused()).toBe(1);
    },
  );

  it('does not start again when a later page fails: the error surfaces', async () => {
    const users = Array.from({ length: 150 }, (_, i) => `u${i}`);
    const inner = server(users, 100);
    const client: ScimHttpClient = {
      ...inner.client,
      send(request) {
        if (inner.sent.length === 1) {
          inner.sent.push(request);
          return Promise.reject(new ConnectorError('objectRejected', 'InvalidValue', 'no', { status: 400 }));
        }
        return inner.client.send(request);
      },
    };
    await expect(collect(listPages(client, 'Users', [], ['userName']))).rejects.toMatchObject({
      code: 'InvalidValue',
    });
    expect(inner.sent).toHaveLength(2);
  });
});
