import { describe, expect, it } from 'vitest';
import {
  maxAnswerBytes,
  parseAnswer,
  readAnswerText,
  type AnswerBody,
} from '../../../../../src-main/connectors/scim/read-answer';

/** A body that yields `chunks` chunks of `size` bytes and records how far it was read and whether it was destroyed. */
function fakeBody(chunks: number, size: number): AnswerBody & { read: number; destroyed: boolean } {
  const body = {
    read: 0,
    destroyed: false,
    destroy() {
      body.destroyed = true;
    },
    async *[Symbol.asyncIterator]() {
      for (let i = 0; i < chunks && !body.destroyed; i++) {
        body.read += 1;
        yield Buffer.alloc(size, 0x20);
      }
    },
  };
  return body;
}

describe('readAnswerText', () => {
  it('refuses a declared Content-Length over the limit before reading a byte, and destroys the body', async () => {
    const body = fakeBody(10, 1);
    const answer = await readAnswerText(body, String(512 * 1024 * 1024));
    expect(answer).toEqual({ kind: 'tooLarge', declaredBytes: 512 * 1024 * 1024 });
    expect(body.read).toBe(0);
    expect(body.destroyed).toBe(true);
  });

  it('stops reading a body without Content-Length once it passes the limit', async () => {
    const body = fakeBody(1000, 1024 * 1024);
    const answer = await readAnswerText(body, undefined);
    expect(answer).toEqual({ kind: 'tooLarge', declaredBytes: null });
    expect(body.read).toBe(maxAnswerBytes / (1024 * 1024) + 1);
    expect(body.destroyed).toBe(true);
  });

  it('reads a body within the limit', async () => {
    const answer = await readAnswerText(fakeBody(3, 2), '6', 6);
    expect(answer).toEqual({ kind: 'text', text: '      ' });
  });
});

describe('parseAnswer', () => {
  it('parses JSON, an empty body as undefined, and drops a byte-order mark', () => {
    expect(parseAnswer('{"id":"1"}', 'GET /Users/1')).toEqual({ kind: 'json', value: { id: '1' } });
    expect(parseAnswer('  ', 'DELETE /Users/1')).toEqual({ kind: 'json', value: undefined });
    expect(parseAnswer('\ufeff{"id":"1"}', 'GET /Users/1')).toEqual({ kind: 'json', value: { id: '1' } });
  });

  it('calls HTML and truncated JSON notJson', () => {
    expect(parseAnswer('<html>login</html>', 'GET /Users/1')).toEqual({ kind: 'notJson' });
    expect(parseAnswer('{"id":"1", "userName": "an', 'GET /Users/1')).toEqual({ kind: 'notJson' });
  });

  it('refuses 10,000 levels of nesting with a sentence naming the request, not a RangeError', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const parsed = parseAnswer(deep, 'GET /Users/1');
    expect(parsed.kind).toBe('tooDeep');
    expect(parsed.kind === 'tooDeep' && parsed.message).toMatch(
      /^GET \/Users\/1: .*nested more than 64 levels/,
    );
  });
});

describe('parseAnswer nesting limit', () => {
  it('takes 64 levels and refuses 65, naming the line and column', () => {
    const nested = (levels: number) => `${'{"a":'.repeat(levels - 1)}[1]${'}'.repeat(levels - 1)}`;
    expect(parseAnswer(nested(64), 'GET /Users/1').kind).toBe('json');
    const refused = parseAnswer(nested(65), 'GET /Users/1');
    expect(refused).toEqual({
      kind: 'tooDeep',
      message: 'GET /Users/1: line 1, column 321: nested more than 64 levels deep',
    });
  });
});
