import type { Sandbox } from '../../../src-main/sandbox/sandbox';

export interface ScimReply {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body (204). */
  body: ScimBody | undefined;
}

/** The parts of SCIM JSON the tests read directly; everything else is checked with toMatchObject. */
export interface ScimBody {
  id?: string;
  userName?: string;
  displayName?: string;
  active?: boolean;
  totalResults?: number;
  startIndex?: number;
  itemsPerPage?: number;
  Resources?: ScimBody[];
  members?: { value: string; display?: string; type?: string; $ref?: string }[];
  status?: string;
  scimType?: string;
  detail?: string;
  [attribute: string]: unknown;
}

export const userSchema = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const enterpriseSchema = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const groupSchema = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const patchSchema = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** One real HTTP request to the sandbox, sent the way Roster's SCIM client sends it. */
export async function scim(
  sandbox: Pick<Sandbox, 'baseUrl' | 'token'>,
  method: string,
  path: string,
  body?: unknown,
  token: string | null = sandbox.token,
): Promise<ScimReply> {
  const response = await fetch(sandbox.baseUrl + path, {
    method,
    headers: {
      Accept: 'application/scim+json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/scim+json' }),
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : (JSON.parse(text) as ScimBody),
  };
}

/** `?filter=…` with the value JSON-escaped and URL-encoded, as reference §17.3 describes. */
export function eqFilter(attribute: string, value: string): string {
  return `filter=${encodeURIComponent(`${attribute} eq ${JSON.stringify(value)}`)}`;
}

export function patch(...operations: unknown[]): unknown {
  return { schemas: [patchSchema], Operations: operations };
}

export function newUser(userName: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { schemas: [userSchema, enterpriseSchema], userName, active: true, ...extra };
}

/** The id of a created resource; fails the test if the reply has none. */
export function idOf(reply: ScimReply): string {
  const id = reply.body?.id;
  if (typeof id !== 'string')
    throw new Error(`No id in reply ${reply.status}: ${JSON.stringify(reply.body)}`);
  return id;
}
