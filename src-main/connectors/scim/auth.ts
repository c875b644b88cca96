/**
 * The Authorization header per connection (§17.1): a long-lived bearer token, HTTP Basic, nothing,
 * or an OAuth 2.0 client-credentials token (RFC 6749 §4.4) fetched on first use, cached until shortly
 * before it expires and fetched again when the server answers 401. Secrets stay in this closure:
 * they never appear in an error message.
 */
import { request, type Dispatcher } from './undici-core';
import type { ScimSettings } from '@shared/domain/connections';
import { ConnectorError } from '../connector';
import { errorFromNetwork } from './errors';
import { getNumber, getString, isRecord } from './json';
import { parseServiceUrl } from './urls';

export interface ScimSecrets {
  bearerToken?: string;
  password?: string;
  clientSecret?: string;
}

export interface AuthProvider {
  /** The header value, or null when the connection uses no authentication. */
  authorization(): Promise<string | null>;
  /** Drops a cached token after a 401; true when a fresh one may help (OAuth 2 only). */
  invalidate(): boolean;
}

export interface AuthDependencies {
  dispatcher: Dispatcher;
  timeoutMs: number;
  userAgent: string;
  now(): number;
}

function missingSecret(what: string): ConnectorError {
  return new ConnectorError('stopCycle', 'Unauthorized', `No ${what} is stored for this connection.`);
}

/** Refresh this long before the server's expiry, so a token never dies mid-request. */
const expirySkewMs = 60_000;
const maxTokenResponseBytes = 64 * 1024;

export function createAuthProvider(
  settings: ScimSettings,
  secrets: ScimSecrets,
  dependencies: AuthDependencies,
): AuthProvider {
  switch (settings.authType) {
    case 'none':
      return { authorization: () => Promise.resolve(null), invalidate: () => false };
    case 'bearer': {
      const token = secrets.bearerToken?.trim();
      return {
        authorization: () =>
          token ? Promise.resolve(`Bearer ${token}`) : Promise.reject(missingSecret('bearer token')),
        invalidate: () => false,
      };
    }
    case 'basic': {
      const password = secrets.password;
      const header =
        settings.username && password !== undefined
          ? `Basic ${Buffer.from(`${settings.username}:${password}`, 'utf8').toString('base64')}`
          : null;
      return {
        authorization: () =>
          header ? Promise.resolve(header) : Promise.reject(missingSecret('user name and password')),
        invalidate: () => false,
      };
    }
    case 'oauth2':
      return createClientCredentialsProvider(settings, secrets, dependencies);
  }
}

interface CachedToken {
  header: string;
  expiresAt: number;
}

function createClientCredentialsProvider(
  settings: ScimSettings,
  secrets: ScimSecrets,
  dependencies: AuthDependencies,
): AuthProvider {
  let cached: CachedToken | null = null;
  // One fetch at a time: concurrent requests at start-up share the same token request.
  let inFlight: Promise<CachedToken> | null = null;

  async function fetchToken(): Promise<CachedToken> {
    if (!settings.tokenUrl || !settings.clientId) {
      throw new ConnectorError('stopCycle', 'Unauthorized', 'OAuth 2 needs a token URL and a client ID.');
    }
    if (!secrets.clientSecret) throw missingSecret('OAuth 2 client secret');
    const tokenUrl = parseServiceUrl(settings.tokenUrl, 'The token URL');
    const url = `${tokenUrl.root}${tokenUrl.query ? `?${tokenUrl.query}` : ''}`;
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (settings.scope) form.set('scope', settings.scope);
    // client_secret_basic (RFC 6749 §2.3.1): both parts form-encoded before base64.
    const basic = Buffer.from(
      `${encodeURIComponent(settings.clientId)}:${encodeURIComponent(secrets.clientSecret)}`,
      'utf8',
    ).toString('base64');
    let status: number;
    let text: string;
    try {
      const response = await request(url, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
          'user-agent': dependencies.userAgent,
        },
        body: form.toString(),
        dispatcher: dependencies.dispatcher,
        signal: AbortSignal.timeout(dependencies.timeoutMs),
      });
      status = response.statusCode;
      text = await readText(response.body);
    } catch (error) {
      if (error instanceof ConnectorError) throw error;
      // The token request changes nothing at the target: the SCIM request it was for is not sent yet.
      throw errorFromNetwork(error, {
        method: 'POST',
        path: '(token URL)',
        host: tokenUrl.display,
        changesTarget: false,
      });
    }
    const body = parseJson(text);
    if (status < 200 || status >= 300) {
      // Only the OAuth error code and description: the body of a token endpoint is not echoed further.
      const code = isRecord(body) ? getString(body, 'error') : undefined;
      const description = isRecord(body) ? getString(body, 'error_description')?.slice(0, 300) : undefined;
      const explanation = [code, description].filter(Boolean).join(': ');
      const transient = status === 429 || status >= 500;
      throw new ConnectorError(
        transient ? 'transient' : 'stopCycle',
        transient ? (status === 429 ? 'TooManyRequests' : 'InternalServerError') : 'Unauthorized',
        `The OAuth 2 token endpoint ${tokenUrl.display} refused the client credentials (HTTP ${status})${explanation ? `: ${explanation}` : ''}.`,
        // No `status`: it would read as the SCIM server's own 401 and trigger a pointless token refresh.
        transient ? { status } : {},
      );
    }
    const accessToken = isRecord(body) ? getString(body, 'access_token') : undefined;
    if (!accessToken) {
      throw new ConnectorError(
        'stopCycle',
        'Unauthorized',
        `The OAuth 2 token endpoint ${tokenUrl.display} answered without an access_token.`,
      );
    }
    const expiresIn = (isRecord(body) ? getNumber(body, 'expires_in') : undefined) ?? 3600;
    const lifetime = Math.max(expiresIn * 1000 - expirySkewMs, expiresIn * 500);
    return { header: `Bearer ${accessToken}`, expiresAt: dependencies.now() + lifetime };
  }

  return {
    async authorization() {
      if (cached && cached.expiresAt > dependencies.now()) return cached.header;
      inFlight ??= fetchToken().finally(() => {
        inFlight = null;
      });
      cached = await inFlight;
      return cached.header;
    },
    invalidate() {
      cached = null;
      return true;
    },
  };
}

async function readText(body: AsyncIterable<unknown>): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxTokenResponseBytes) {
      throw new ConnectorError(
        'stopCycle',
        'Unauthorized',
        'The OAuth 2 token endpoint answered with too much data.',
      );
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
