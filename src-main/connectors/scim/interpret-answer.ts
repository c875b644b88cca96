/**
 * An HTTP answer → the parsed body of a 2xx, or the ConnectorError it amounts to. A 2xx must carry
 * readable JSON within the limits (read-answer.ts), or the request failed after all — with
 * mayHaveApplied, since the server said it acted. A non-2xx is classified by its status; its body
 * only adds the server's own explanation, and an unreadable or oversized one is simply ignored.
 */
import type { Dispatcher } from 'undici';
import type { ConnectorError } from '../connector';
import { nestedTooDeep, responseTooLarge, unreadableResponse } from './answer-errors';
import { describeNetworkProblem, errorFromResponse } from './errors';
import type { ScimRequest, ScimResponse } from './http-client';
import { maxAnswerBytes, parseAnswer, readAnswerText } from './read-answer';
import { parseRetryAfter } from './retry';

export async function interpretAnswer(
  response: Dispatcher.ResponseData,
  request: ScimRequest,
  path: string,
  now: () => number,
): Promise<ScimResponse> {
  const status = response.statusCode;
  if (status >= 200 && status < 300) return readSuccess(response, request.method, path);
  throw await failureOf(response, request, path, now);
}

async function readSuccess(
  response: Dispatcher.ResponseData,
  method: string,
  path: string,
): Promise<ScimResponse> {
  const status = response.statusCode;
  let answer;
  try {
    answer = await readAnswerText(response.body, response.headers['content-length']);
  } catch (error) {
    // The server answered 2xx and then the body broke off: it has acted, and the answer is lost.
    throw unreadableResponse(
      method,
      path,
      status,
      `a body that broke off (${describeNetworkProblem(error)})`,
      error,
    );
  }
  if (answer.kind === 'tooLarge') {
    throw responseTooLarge(method, path, status, maxAnswerBytes, answer.declaredBytes);
  }
  const parsed = parseAnswer(answer.text, `${method} ${path}`);
  if (parsed.kind === 'notJson') throw unreadableResponse(method, path, status, 'a body that is not JSON');
  if (parsed.kind === 'tooDeep') throw nestedTooDeep(method, status, parsed.message);
  return { status, body: parsed.value };
}

async function failureOf(
  response: Dispatcher.ResponseData,
  request: ScimRequest,
  path: string,
  now: () => number,
): Promise<ConnectorError> {
  const status = response.statusCode;
  let body: unknown;
  try {
    const answer = await readAnswerText(response.body, response.headers['content-length']);
    const parsed = answer.kind === 'text' ? parseAnswer(answer.text, path) : null;
    body = parsed?.kind === 'json' ? parsed.value : undefined;
  } catch {
    body = undefined;
  }
  const retryAfterMs =
    status === 429 || status === 503 ? parseRetryAfter(response.headers['retry-after'], now()) : null;
  return errorFromResponse({
    method: request.method,
    path,
    status,
    body,
    notFound: request.notFound ?? 'anchor',
    ...(retryAfterMs !== null ? { retryAfterMs } : {}),
  });
}
