/**
 * Quirk peers (issue 12 item 4): a constraint layer for the scimmy peer (`startScimmyServer({ layers })`)
 * that makes it behave like an app family as its public docs describe it — before scimmy sees a
 * request, or on the way out for what the app leaves out of its answers. Each constraint is off
 * unless given; every refusal is a SCIM error body (RFC 7644 §3.12) with the status and scimType
 * such an app answers, and is counted in `refusals` so a test can say what the app refused.
 *
 * The families and the profiles they stand for (docs/app-profiles.md "Quirk peers"):
 * - member cap per PATCH, group reads without members, eq-only filters on listed attributes (AWS IAM
 *   Identity Center);
 * - PUT-only (PATCH → 405 or 501) with required attributes on every full write;
 * - delete-only: the User has no `active`, a write that names it is refused;
 * - a rate limit answered with 429 and Retry-After (Slack's per-method buckets);
 * - list reads that ignore or refuse `attributes=` (RFC 7644 §3.4.2.5 lets a server do either);
 * - a member add only in Salesforce's shape: a path-less `add` whose value is `{ members: [...] }`.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export interface ScimQuirks {
  /** Most member values one PATCH /Groups/{id} may carry; more is 400 invalidValue (AWS: 100). */
  maxMembersPerPatch?: number;
  /** False: GET /Groups and GET /Groups/{id} answer without `members` (AWS: "an empty member list"). */
  groupReadsIncludeMembers?: boolean;
  /** The attributes `filter=` may name, per endpoint (case-insensitive); others are 400 invalidFilter. */
  filterable?: { Users: readonly string[]; Groups: readonly string[] };
  /** The only filter operators accepted (AWS: eq, joined by and); others are 400 invalidFilter. */
  filterOperators?: readonly string[];
  /** PATCH is not implemented: answered with this status (405 Method Not Allowed or 501). */
  patchRefusedWith?: 405 | 501;
  /** A User has no `active`: any POST, PUT or PATCH of /Users that names it is 400 invalidValue. */
  noActiveAttribute?: boolean;
  /** Attributes (dotted paths) every POST and PUT of /Users must carry; missing → 400 invalidValue. */
  requiredUserAttributes?: readonly string[];
  /**
   * A token bucket per method and endpoint (Slack: 20 at once, refilled at 180 a minute): a request
   * that finds it empty is answered 429 with Retry-After in whole seconds until the next token.
   */
  rateLimit?: { burst: number; perMinute: number };
  /**
   * What a list or query read does with `attributes=`: `ignored` answers whole resources (the
   * parameter is taken out before scimmy sees it), `refused` answers 400 invalidValue.
   */
  listAttributes?: 'ignored' | 'refused';
  /**
   * Members are added only as Salesforce documents it, `{ op: add, value: { members: [...] } }`
   * without a path; an `add` with `path: members` is 400 invalidPath (as an app whose PATCH parser
   * knows only its documented shape answers).
   */
  memberAddShape?: 'valueObject';
}

export interface QuirkRefusal {
  method: string;
  path: string;
  status: number;
  scimType: string | undefined;
  detail: string;
}

export interface QuirkLayer {
  layers: RequestHandler[];
  /** Every request the layer refused, in order. */
  refusals: QuirkRefusal[];
}

type Json = Record<string, unknown>;

const operatorWords = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le', 'pr'];

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `/Users`, `/Users/abc` → ['Users', 'abc'] (the layer is mounted under the SCIM base path). */
function segmentsOf(request: Request): string[] {
  return request.path.split('/').filter((s) => s !== '');
}

/** The attribute paths a SCIM filter compares, each with its operator (values are skipped). */
export function filterComparisons(filter: string): { attribute: string; operator: string }[] {
  const withoutValues = filter.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const found: { attribute: string; operator: string }[] = [];
  const pattern = /([A-Za-z][\w:.$-]*(?:\[[^\]]*\])?(?:\.[\w$-]+)?)\s+([A-Za-z]{2})\b/g;
  for (const match of withoutValues.matchAll(pattern)) {
    const attribute = match[1] ?? '';
    const operator = (match[2] ?? '').toLowerCase();
    if (!operatorWords.includes(operator)) continue;
    if (['and', 'or', 'not'].includes(attribute.toLowerCase())) continue;
    found.push({ attribute, operator });
  }
  return found;
}

/** How many member values one PATCH body adds or removes. */
export function memberValuesIn(body: unknown): number {
  if (!isRecord(body) || !Array.isArray(body['Operations'])) return 0;
  let count = 0;
  for (const operation of body['Operations'] as unknown[]) {
    if (!isRecord(operation)) continue;
    const path = typeof operation['path'] === 'string' ? operation['path'].trim() : '';
    const value = operation['value'];
    if (/^members$/i.test(path)) count += Array.isArray(value) ? value.length : 1;
    else if (/^members\[/i.test(path)) count += 1;
    else if (path === '' && isRecord(value)) {
      const key = Object.keys(value).find((k) => k.toLowerCase() === 'members');
      const members = key === undefined ? undefined : value[key];
      if (Array.isArray(members)) count += members.length;
    }
  }
  return count;
}

/** Whether a PATCH body has an `add` whose path is `members` (RFC 7644's usual member add). */
export function addsMembersByPath(body: unknown): boolean {
  if (!isRecord(body) || !Array.isArray(body['Operations'])) return false;
  return (body['Operations'] as unknown[]).some(
    (op) =>
      isRecord(op) &&
      typeof op['op'] === 'string' &&
      op['op'].toLowerCase() === 'add' &&
      typeof op['path'] === 'string' &&
      /^members$/i.test(op['path'].trim()),
  );
}

/** Takes a query parameter out of the request before the SCIM app reads it (req.query and the URL). */
function withoutQueryParameter(request: Request, name: string): void {
  delete (request.query as Record<string, unknown>)[name];
  const [path, search] = request.url.split('?', 2);
  if (search === undefined) return;
  const params = new URLSearchParams(search);
  params.delete(name);
  const rest = params.toString();
  request.url = rest === '' ? (path ?? '') : `${path ?? ''}?${rest}`;
}

/** Whether a write body names `active`: as a key of the resource, a PATCH path, or a key of a PATCH value. */
export function namesActive(body: unknown): boolean {
  if (!isRecord(body)) return false;
  const hasKey = (value: unknown) =>
    isRecord(value) && Object.keys(value).some((k) => k.toLowerCase() === 'active');
  if (Array.isArray(body['Operations'])) {
    return (body['Operations'] as unknown[]).some(
      (op) =>
        isRecord(op) &&
        ((typeof op['path'] === 'string' && op['path'].trim().toLowerCase() === 'active') ||
          hasKey(op['value'])),
    );
  }
  return hasKey(body);
}

function valueAt(resource: Json, path: string): unknown {
  let current: unknown = resource;
  for (const part of path.split('.')) {
    if (!isRecord(current)) return undefined;
    const key = Object.keys(current).find((k) => k.toLowerCase() === part.toLowerCase());
    current = key === undefined ? undefined : current[key];
  }
  return current;
}

function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/** Group resources of a GET answer, with `members` taken out (a single group or a ListResponse). */
function withoutMembers(body: unknown): unknown {
  const strip = (resource: unknown) => {
    if (!isRecord(resource)) return resource;
    const copy: Json = { ...resource };
    for (const key of Object.keys(copy)) if (key.toLowerCase() === 'members') delete copy[key];
    return copy;
  };
  if (isRecord(body) && Array.isArray(body['Resources'])) {
    return { ...body, Resources: (body['Resources'] as unknown[]).map(strip) };
  }
  return strip(body);
}

export function createQuirkLayer(quirks: ScimQuirks): QuirkLayer {
  const refusals: QuirkRefusal[] = [];
  const buckets = new Map<string, { tokens: number; at: number }>();

  function refuse(
    request: Request,
    response: Response,
    status: number,
    scimType: string | undefined,
    detail: string,
    headers: Record<string, string> = {},
  ): void {
    refusals.push({ method: request.method, path: request.path, status, scimType, detail });
    response.status(status);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.type('application/scim+json');
    response.send(
      JSON.stringify({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        status: String(status),
        ...(scimType ? { scimType } : {}),
        detail,
      }),
    );
  }

  /** Milliseconds until the bucket has a token, or 0 when a token was taken now. */
  function take(key: string, limit: { burst: number; perMinute: number }): number {
    const now = Date.now();
    const perMs = limit.perMinute / 60_000;
    const bucket = buckets.get(key) ?? { tokens: limit.burst, at: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / perMs);
  }

  const check: RequestHandler = (request: Request, response: Response, next: NextFunction) => {
    const [endpoint, id] = segmentsOf(request);
    const method = request.method;
    const body: unknown = request.body;

    if (quirks.rateLimit && (endpoint === 'Users' || endpoint === 'Groups')) {
      const wait = take(`${method} ${endpoint}${id ? '/{id}' : ''}`, quirks.rateLimit);
      if (wait > 0) {
        const seconds = Math.max(1, Math.ceil(wait / 1000));
        refuse(request, response, 429, undefined, `Rate limited: retry after ${seconds} s`, {
          'Retry-After': String(seconds),
        });
        return;
      }
    }

    if (method === 'GET' && quirks.listAttributes && request.query['attributes'] !== undefined) {
      if (quirks.listAttributes === 'refused') {
        refuse(request, response, 400, 'invalidValue', 'The attributes parameter is not supported');
        return;
      }
      withoutQueryParameter(request, 'attributes');
    }

    if (
      endpoint === 'Groups' &&
      id &&
      method === 'PATCH' &&
      quirks.memberAddShape === 'valueObject' &&
      addsMembersByPath(body)
    ) {
      refuse(
        request,
        response,
        400,
        'invalidPath',
        'Add members with a value of {"members": [...]} and no path',
      );
      return;
    }

    if (method === 'PATCH' && quirks.patchRefusedWith) {
      refuse(
        request,
        response,
        quirks.patchRefusedWith,
        undefined,
        'PATCH is not supported: replace the resource with PUT',
      );
      return;
    }

    const filter = typeof request.query['filter'] === 'string' ? request.query['filter'] : undefined;
    if (method === 'GET' && filter !== undefined && (endpoint === 'Users' || endpoint === 'Groups')) {
      for (const { attribute, operator } of filterComparisons(filter)) {
        const allowed = quirks.filterable?.[endpoint];
        if (allowed && !allowed.some((a) => a.toLowerCase() === attribute.toLowerCase())) {
          refuse(request, response, 400, 'invalidFilter', `Filtering on ${attribute} is not supported`);
          return;
        }
        if (quirks.filterOperators && !quirks.filterOperators.includes(operator)) {
          refuse(request, response, 400, 'invalidFilter', `The ${operator} operator is not supported`);
          return;
        }
      }
    }

    if (endpoint === 'Users' && ['POST', 'PUT', 'PATCH'].includes(method)) {
      if (quirks.noActiveAttribute && namesActive(body)) {
        refuse(
          request,
          response,
          400,
          'invalidValue',
          'The attribute active is not supported: delete the user instead',
        );
        return;
      }
      if ((method === 'POST' || method === 'PUT') && isRecord(body)) {
        const missing = (quirks.requiredUserAttributes ?? []).filter((path) => isBlank(valueAt(body, path)));
        if (missing.length > 0) {
          refuse(
            request,
            response,
            400,
            'invalidValue',
            `Required attribute(s) missing: ${missing.join(', ')}`,
          );
          return;
        }
      }
    }

    if (endpoint === 'Groups' && id && method === 'PATCH' && quirks.maxMembersPerPatch !== undefined) {
      const count = memberValuesIn(body);
      if (count > quirks.maxMembersPerPatch) {
        refuse(
          request,
          response,
          400,
          'invalidValue',
          `A PATCH may change at most ${quirks.maxMembersPerPatch} members; this one changes ${count}`,
        );
        return;
      }
    }
    if (endpoint === 'Groups' && method === 'GET' && quirks.groupReadsIncludeMembers === false) {
      // On the way out: the app's answer simply has no members, whatever the group holds.
      const send = response.send.bind(response);
      response.send = (payload?: unknown) => {
        const text = Buffer.isBuffer(payload) ? payload.toString('utf8') : payload;
        if (typeof text === 'string' && response.statusCode < 300) {
          try {
            return send(JSON.stringify(withoutMembers(JSON.parse(text))));
          } catch {
            return send(payload);
          }
        }
        // An object goes through express's json(), which calls this send again with the text.
        return send(payload);
      };
    }
    next();
  };

  return { layers: [check], refusals };
}
