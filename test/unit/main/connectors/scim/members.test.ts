import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../../../src-main/connectors/connector';
import type { QueryParameters } from '../../../../../src-main/connectors/scim/filter';
import type { JsonObject } from '../../../../../src-main/connectors/scim/json';
import { memberIdsOf, readGroupMembers } from '../../../../../src-main/connectors/scim/members';

function reader(answers: (JsonObject | Error)[]) {
  const queries: QueryParameters[] = [];
  const read = (query: QueryParameters): Promise<JsonObject> => {
    queries.push(query);
    const answer = answers.shift();
    if (answer === undefined) throw new Error('unexpected read');
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  };
  return { read, queries };
}

describe('readGroupMembers', () => {
  it('reads only the members when the server honours attributes=members', async () => {
    const { read, queries } = reader([
      { id: 'g', members: [{ value: 'u1' }, { value: 'u2', type: 'User' }] },
    ]);
    await expect(readGroupMembers(read)).resolves.toEqual(['u1', 'u2']);
    expect(queries).toEqual([[['attributes', 'members']]]);
  });

  it('takes an explicit empty list as no members', async () => {
    const { read, queries } = reader([{ id: 'g', members: [] }]);
    await expect(readGroupMembers(read)).resolves.toEqual([]);
    expect(queries).toHaveLength(1);
  });

  it('reads the group whole when the answer has no members attribute, or the server refuses the parameter', async () => {
    const first = reader([{ id: 'g' }, { id: 'g', displayName: 'Sales', Members: [{ value: 'u9' }] }]);
    await expect(readGroupMembers(first.read)).resolves.toEqual(['u9']);
    expect(first.queries).toEqual([[['attributes', 'members']], []]);
    const refused = new ConnectorError('objectRejected', 'UnprocessableEntity', 'bad', { status: 400 });
    const second = reader([refused, { id: 'g', members: [{ value: 'u3' }] }]);
    await expect(readGroupMembers(second.read)).resolves.toEqual(['u3']);
  });

  it('lets other failures through (a deleted group is notFound)', async () => {
    const gone = new ConnectorError('notFound', 'InvalidAnchor', 'gone', { status: 404 });
    await expect(readGroupMembers(reader([gone]).read)).rejects.toBe(gone);
  });

  it('ignores member entries without a string value', () => {
    expect(memberIdsOf({ members: [{ value: 'a' }, { display: 'x' }, 'b', { value: 3 }] })).toEqual(['a']);
  });
});
