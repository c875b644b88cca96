import type { ServerResponse } from 'node:http';
import type { EventBus } from '../event-bus';

const keepAliveMs = 25_000;

/** Forwards every app event to one browser as Server-Sent Events until the browser goes away. */
export function openEventStream(
  res: ServerResponse,
  events: EventBus,
  extraHeaders: Record<string, string>,
): void {
  res.writeHead(200, {
    ...extraHeaders,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const unsubscribe = events.onAny((name, payload) => {
    res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), keepAliveMs);
  res.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}
