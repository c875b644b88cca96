import { describe, expect, it } from 'vitest';
import type { TargetPage } from '../../../../../src-main/connectors/connector';
import type { ScimHttpClient, ScimRequest } from '../../../../../src-main/connectors/scim/http-client';
import { listPages } from '../../../../../src-main/connectors/scim/list-pages';

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
