import { describe, expect, it } from 'vitest';
import { jobAlertKinds, knownAlertReasons, type JobAlertEvent } from '@shared/domain/notifications';
import {
  buildAlertEmail,
  buildDesktopText,
  buildTestEmail,
} from '../../../../src-main/notify/messages/messages';

const utc = { timeZone: 'UTC' };

function event(kind: JobAlertEvent['kind'], extra: Partial<JobAlertEvent> = {}): JobAlertEvent {
  return {
    kind,
    jobId: 'job-1',
    jobName: 'HR to Slack',
    sourceName: 'HR export',
    targetName: 'Slack',
    at: '2025-03-03T09:00:00.000Z',
    ...extra,
  };
}

describe('alert emails', () => {
  it('says what a quarantine is, why, what Roster saw, when it tries again and what to do', () => {
    const mail = buildAlertEmail(
      event('quarantineEntered', {
        reason: 'CredentialsInvalid',
        detail: '401 Unauthorized from https://api.slack.com/scim/v2/Users',
        nextAttemptAt: '2025-03-03T15:00:00.000Z',
      }),
      'en',
      utc,
    );
    expect(mail.subject).toBe('Roster: HR to Slack is in quarantine (credentials rejected)');
    expect(mail.text).toContain('Roster has stopped provisioning from HR export to Slack');
    expect(mail.text).toContain('The target app rejected Roster’s credentials (HTTP 401 or 403)');
    expect(mail.text).toMatch(/Reason: +credentials rejected \(CredentialsInvalid\)/);
    expect(mail.text).toMatch(/What Roster saw: +401 Unauthorized from https:\/\/api\.slack\.com/);
    expect(mail.text).toMatch(/Next attempt: +3 Mar 2025, 15:00 UTC/);
    expect(mail.text).toContain('What to do:\nCreate a new token or password in Slack');
    expect(mail.html).toContain(
      '<h1 style="font-size:18px;margin:0 0 12px;">HR to Slack is in quarantine</h1>',
    );
    expect(mail.html).toContain('3 Mar 2025, 15:00 UTC');
  });

  it('gives held-back deletes their count, threshold and the two ways out', () => {
    const mail = buildAlertEmail(
      event('deletesHeldBack', { counts: { heldBack: 1234 }, threshold: 500 }),
      'en',
      utc,
    );
    expect(mail.subject).toBe('Roster: HR to Slack held back 1,234 disables and deletes');
    expect(mail.text).toContain('would have disabled or deleted 1,234 accounts in Slack');
    expect(mail.text).toContain('deletion threshold of 500');
    expect(mail.text).toMatch(/Disables and deletes held back: +1,234/);
    expect(mail.text).toMatch(/Deletion threshold: +500/);
    expect(mail.text).toMatch(/Reason: +too many deletes \(TooManyDeletes\)/);
    expect(mail.text).toMatch(/Next attempt: +Nothing is disabled or deleted until someone allows it/);
    expect(mail.text).toContain('press Allow deletes');
    expect(mail.text).toContain('press Restart');
  });

  it('tells a change of reason, a recovery and a disabled job in their own words', () => {
    const changed = buildAlertEmail(
      event('quarantineReasonChanged', { reason: 'TargetUnreachable' }),
      'en',
      utc,
    );
    expect(changed.subject).toBe(
      'Roster: HR to Slack is still in quarantine, with a new reason: target unreachable',
    );
    expect(changed.text).toMatch(/Next attempt: +Not scheduled: press Retry now/);

    const recovered = buildAlertEmail(
      event('recovered', { reason: 'TargetUnreachable', nextAttemptAt: '2025-03-03T09:40:00.000Z' }),
      'en',
      utc,
    );
    expect(recovered.subject).toBe('Roster: HR to Slack has recovered');
    expect(recovered.text).toMatch(/Was in quarantine for: +target unreachable/);
    expect(recovered.text).toMatch(/Next cycle: +3 Mar 2025, 09:40 UTC/);
    expect(recovered.text).toContain('What to do:\nNothing to do.');

    const disabled = buildAlertEmail(
      event('disabled', {
        reason: 'EncounteredQuarantineException',
        quarantineBegan: '2025-02-03T09:00:00.000Z',
      }),
      'en',
      utc,
    );
    expect(disabled.subject).toBe('Roster: HR to Slack is disabled after 28 days in quarantine');
    expect(disabled.text).toMatch(/In quarantine since: +3 Feb 2025, 09:00 UTC/);
    expect(disabled.text).toMatch(/Next attempt: +None: the job is disabled/);
    expect(disabled.text).toMatch(/press Test connection.*Then open the job in Roster and press Start\./s);
  });

  it('has words and an action for every known reason, and still explains an unknown code', () => {
    for (const reason of knownAlertReasons) {
      const mail = buildAlertEmail(event('quarantineEntered', { reason }), 'en', utc);
      expect(mail.subject, reason).not.toContain(reason);
      expect(mail.text, reason).toMatch(/What to do:\n\S/);
    }
    const unknown = buildAlertEmail(event('quarantineEntered', { reason: 'SomethingNew' }), 'en', utc);
    expect(unknown.subject).toContain('SomethingNew');
    expect(unknown.text).toContain('Roster stopped the job with the reason code SomethingNew.');
    expect(unknown.text).toContain('Fix the cause, then press Retry now.');
  });

  it('escapes names in HTML and keeps them on one line', () => {
    const mail = buildAlertEmail(
      event('quarantineEntered', {
        jobName: '<script>alert(1)</script>\r\nBcc: x',
        reason: 'CredentialsInvalid',
        detail: 'a & b <c>',
      }),
      'en',
      utc,
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Bcc: x');
    expect(mail.html).toContain('a &amp; b &lt;c&gt;');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('writes the same alerts in Korean, with the same facts', () => {
    for (const kind of jobAlertKinds) {
      const e = event(kind, { reason: 'CredentialsInvalid', counts: { heldBack: 7 }, threshold: 5 });
      const en = buildAlertEmail(e, 'en', utc);
      const ko = buildAlertEmail(e, 'ko', utc);
      expect(ko.subject, kind).toContain('HR to Slack');
      expect(ko.subject, kind).not.toBe(en.subject);
      expect(ko.html, kind).toContain('<html lang="ko">');
      expect(ko.text.split('\n').length, kind).toBe(en.text.split('\n').length);
    }
    const ko = buildAlertEmail(
      event('deletesHeldBack', { counts: { heldBack: 7 }, threshold: 5 }),
      'ko',
      utc,
    );
    expect(ko.subject).toBe('Roster: HR to Slack 작업의 비활성화·삭제 7건이 보류되었습니다');
    expect(ko.text).toContain('삭제 허용');
  });

  it('makes a short desktop notification from the same words', () => {
    const text = buildDesktopText(event('quarantineEntered', { reason: 'TargetUnreachable' }), 'en', utc);
    expect(text.title).toBe('HR to Slack is in quarantine');
    expect(text.body).toContain('(target unreachable)');
  });

  it('writes a test email naming the server', () => {
    const mail = buildTestEmail('smtp.example.com:587', new Date('2025-03-03T09:00:00Z'), 'en', utc);
    expect(mail.subject).toBe('Roster: test email');
    expect(mail.text).toContain('sent through smtp.example.com:587');
    expect(mail.html).toContain('sent through smtp.example.com:587');
  });
});
