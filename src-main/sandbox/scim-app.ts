import express, { type NextFunction, type Request, type Response } from 'express';
import SCIMMYRouters, { SCIMMY } from 'scimmy-routers';
import { selectInAnswer, takeSelection, type AttributeSelection } from './attribute-selection';
import { hasSandboxToken } from './bearer-auth';
import { normalizePatchBody, normalizeUserBody } from './entra-compat';
import { FilterLiteralError, protectFilterLiterals } from './filter-literals';
import type { SandboxStore } from './sandbox-store';
import type { ScimContext } from './scim-context';
import { applyServiceProviderConfig, declareSandboxResources } from './scim-resources';

/** Where the SCIM endpoints live under the sandbox's origin; the base URL the app connects to ends here. */
export const scimMountPath = '/scim/v2';

export interface ScimAppOptions {
  store: SandboxStore;
  token: string;
  /** `http://host:port`, known once the server listens. */
  origin(): string;
  onRequest(): void;
  onError(error: unknown): void;
}

/**
 * The sandbox's HTTP surface: scimmy-routers does the SCIM protocol and the bearer check; the
 * middleware in front of it only repairs what SCIMMY cannot read (escaped filter strings, Entra's
 * legacy PATCH shapes) and counts requests.
 */
export function createScimApp(options: ScimAppOptions): express.Express {
  declareSandboxResources();
  const filterLiterals = new WeakMap<Request, string[]>();
  const selections = new WeakMap<Request, AttributeSelection>();
  const authorized = (req: Request) => hasSandboxToken(req, options.token);

  const scim = express.Router();
  // Parsed here so the compatibility rewrites below see the body; scimmy-routers skips parsing again.
  scim.use(express.json({ type: ['application/scim+json', 'application/json'], limit: '1mb' }));
  // Only for authorized requests: anything else must reach scimmy-routers untouched and get its 401.
  scim.use((req, res, next) => {
    if (!authorized(req)) return next();
    const filter = req.query.filter;
    if (typeof filter === 'string') {
      try {
        const protectedFilter = protectFilterLiterals(filter);
        req.query.filter = protectedFilter.filter;
        filterLiterals.set(req, protectedFilter.literals);
      } catch (error) {
        if (!(error instanceof FilterLiteralError)) throw error;
        return sendScimError(res, 400, 'invalidFilter', error.message);
      }
    }
    const type = resourceTypeOf(req.path);
    if (type) selectAnswer(req, res, selections);
    if (type && req.method === 'PATCH') req.body = normalizePatchBody(req.body, type);
    else if (type === 'User' && (req.method === 'POST' || req.method === 'PUT'))
      req.body = normalizeUserBody(req.body);
    next();
  });
  scim.use(
    new SCIMMYRouters({
      type: 'bearer',
      handler: (req) => {
        if (!authorized(req)) {
          req.res?.setHeader('WWW-Authenticate', 'Bearer realm="Roster Sandbox"');
          throw new Error('Send the sandbox token as "Authorization: Bearer <token>".');
        }
        return 'roster-sandbox';
      },
      context: (req): ScimContext => ({
        kind: 'roster-sandbox',
        store: options.store,
        baseUrl: options.origin() + scimMountPath,
        literals: filterLiterals.get(req) ?? [],
        ...(selections.has(req) ? { selection: selections.get(req) } : {}),
        method: req.method,
        now: () => new Date().toISOString(),
      }),
      baseUri: () => options.origin(),
    }),
  );
  applyServiceProviderConfig();

  const app = express();
  app.disable('x-powered-by');
  // Plain key=value parsing: SCIM query parameters are flat, and qs would turn `filter[x]=` into objects.
  app.set('query parser', 'simple');
  app.use((_req, _res, next) => {
    options.onRequest();
    next();
  });
  app.use(scimMountPath, scim);
  app.use((_req: Request, res: Response) => sendScimError(res, 404, undefined, 'Endpoint not found'));
  // Errors scimmy-routers has already answered arrive here too (it passes 5xx on); report those.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = httpStatusOf(error);
    if (status >= 500) options.onError(error);
    if (res.headersSent) return;
    if (status >= 500) return sendScimError(res, 500, undefined, 'The sandbox failed to handle this request');
    sendScimError(res, status, status === 400 ? 'invalidSyntax' : undefined, errorMessage(error));
  });
  return app;
}

/**
 * `attributes` / `excludedAttributes` are taken off the query before SCIMMY sees it (its own selection
 * fails on URN-qualified names) and applied to the successful answer (attribute-selection.ts).
 */
function selectAnswer(req: Request, res: Response, selections: WeakMap<Request, AttributeSelection>): void {
  const selection = takeSelection(req.query);
  if (!selection) return;
  selections.set(req, selection);
  const send = res.json.bind(res);
  res.json = (body: unknown) => send(res.statusCode < 300 ? selectInAnswer(body, selection) : body);
}

function resourceTypeOf(path: string): 'User' | 'Group' | undefined {
  const match = /^\/(users|groups)(\/|$)/i.exec(path);
  if (!match?.[1]) return undefined;
  return match[1].toLowerCase() === 'users' ? 'User' : 'Group';
}

/** body-parser errors carry a 4xx `status`; anything without one is the sandbox's own fault. */
function httpStatusOf(error: unknown): number {
  const status =
    typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Invalid request';
}

function sendScimError(res: Response, status: number, scimType: string | undefined, detail: string): void {
  res
    .status(status)
    .type('application/scim+json')
    .send({
      schemas: [SCIMMY.Messages.Error.id],
      status: String(status),
      ...(scimType ? { scimType } : {}),
      detail,
    });
}
