import { describe, expect, it } from 'vitest';
import { createOutbox, type OutgoingMail } from '../../../../src-main/notify/outbox';
import { giveUpAfterMs, nextRetryAt } from '../../../../src-main/notify/retry-schedule';
import { createManualTime } from './manual-time';

const minute = 60_000;
const hour = 60 * minute;

function mail(label = 'quarantine alert for job "HR to Slack"'): OutgoingMail {
  return { to: ['it@example.com'], subject: 's', text: 't', html: '<p>h</p>', label };
}

function recordingLogger() {
  const lines: string[] = [];
  return {
    lines,
    logger: {
      info: (m: string) => lines.push(`info ${m}`),
      warn: (m: string) => lines.push(`warn ${m}`),
      error: (m: string) => lines.push(`error ${m}`),
    },
  };
}

describe('retry schedule', () => {
  it('waits 1, 5 and 30 minutes, then an hour, and gives up a day after the first attempt', () => {
    const start = 0;
    expect(nextRetryAt(1, start, start)).toBe(1 * minute);
    expect(nextRetryAt(2, start, 1 * minute)).toBe(6 * minute);
    expect(nextRetryAt(3, start, 6 * minute)).toBe(36 * minute);
    expect(nextRetryAt(4, start, 36 * minute)).toBe(96 * minute);
    expect(nextRetryAt(9, start, giveUpAfterMs - 30 * minute)).toBeNull();
  });
});

describe('outbox', () => {
  it('retries a failed send on the backoff schedule until it goes through', async () => {
    const time = createManualTime();
    const { lines, logger } = recordingLogger();
    const attempts: string[] = [];
    let failures = 3;
    const outbox = createOutbox({
      send: async () => {
        attempts.push(time.clock().toISOString());
        if (failures-- > 0) throw new Error('451 Try again later');
        return 'sent';
      },
      clock: time.clock,
      timers: time.timers,
      logger,
    });

    outbox.enqueue(mail());
    await outbox.idle();
    expect(time.waiting()).toEqual([1 * minute]);
    for (const wait of [1 * minute, 5 * minute, 30 * minute]) {
      time.advance(wait);
      await outbox.idle();
    }
    expect(attempts).toEqual([
      '2025-03-03T09:00:00.000Z',
      '2025-03-03T09:01:00.000Z',
      '2025-03-03T09:06:00.000Z',
      '2025-03-03T09:36:00.000Z',
    ]);
    expect(outbox.pending()).toBe(0);
    expect(lines.filter((l) => l.startsWith('warn'))).toHaveLength(3);
    expect(lines[0]).toContain(
      'Could not send the quarantine alert for job "HR to Slack" (attempt 1): 451 Try again later',
    );
    expect(lines.at(-1)).toBe('info Sent the quarantine alert for job "HR to Slack" to it@example.com.');
  });

  it('gives up after a day and says so', async () => {
    const time = createManualTime();
    const { lines, logger } = recordingLogger();
    let attempts = 0;
    const outbox = createOutbox({
      send: async () => {
        attempts += 1;
        throw new Error('connect ECONNREFUSED');
      },
      clock: time.clock,
      timers: time.timers,
      logger,
    });
    outbox.enqueue(mail());
    await outbox.idle();
    const waits: number[] = [];
    while (outbox.pending() > 0) {
      const wait = time.waiting()[0] ?? 0;
      waits.push(wait);
      time.advance(wait);
      await outbox.idle();
    }
    expect(waits.slice(0, 5)).toEqual([1 * minute, 5 * minute, 30 * minute, hour, hour]);
    expect(outbox.pending()).toBe(0);
    // 09:00, 09:01, 09:06, 09:36, then hourly from 10:36 to 08:36 the next day.
    expect(attempts).toBe(4 + 23);
    expect(lines.at(-1)).toMatch(
      /^error Gave up sending the quarantine alert .* after 27 attempts over a day/,
    );
  });

  it('tries waiting messages at once when asked, and stops retrying when closed', async () => {
    const time = createManualTime();
    const { logger } = recordingLogger();
    let up = false;
    const outbox = createOutbox({
      send: async () => {
        if (!up) throw new Error('down');
        return 'sent';
      },
      clock: time.clock,
      timers: time.timers,
      logger,
    });
    outbox.enqueue(mail('a'));
    outbox.enqueue(mail('b'));
    await outbox.idle();
    expect(outbox.pending()).toBe(2);
    up = true;
    outbox.retryNow();
    await outbox.idle();
    expect(outbox.pending()).toBe(0);
    expect(time.waiting()).toEqual([]);

    up = false;
    outbox.enqueue(mail('c'));
    await outbox.idle();
    expect(outbox.close()).toBe(1);
    expect(time.waiting()).toEqual([]);
  });
});
