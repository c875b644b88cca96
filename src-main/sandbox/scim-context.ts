import { SCIMMY } from 'scimmy-routers';
import type { AttributeSelection } from './attribute-selection';
import type { SandboxStore } from './sandbox-store';

/**
 * SCIMMY keeps resource handlers in process-wide singletons, so the handlers are declared once and
 * find the sandbox they serve in the per-request context that scimmy-routers passes them.
 */
export interface ScimContext {
  kind: 'roster-sandbox';
  store: SandboxStore;
  /** `http://127.0.0.1:port/scim/v2`, for member `$ref`s. */
  baseUrl: string;
  /** Decoded string literals of this request's filter (see filter-literals.ts). */
  literals: readonly string[];
  /** Only a GET may leave group members out: a PATCH must see them all to write them back. */
  method: string;
  now: () => string;
  /** The request's `attributes` / `excludedAttributes`, applied to the answer (attribute-selection.ts). */
  selection?: AttributeSelection;
}

export function contextOf(ctx: unknown): ScimContext {
  if (typeof ctx === 'object' && ctx !== null && (ctx as Partial<ScimContext>).kind === 'roster-sandbox') {
    return ctx as ScimContext;
  }
  throw scimError(500, undefined, 'The sandbox request context is missing');
}

type ScimType = 'uniqueness' | 'invalidValue' | 'invalidFilter' | 'invalidSyntax' | 'mutability' | 'noTarget';

/** SCIMMY's typings want a scimType string; an empty one is left out of the error body. */
export function scimError(status: number, scimType: ScimType | undefined, detail: string): Error {
  return new SCIMMY.Types.Error(status, scimType ?? '', detail);
}
