import { isKnownAlertReason, type JobAlertCounts, type JobAlertEvent } from '@shared/domain/notifications';
import type { AlertCatalog, AlertWords, ReasonText } from './catalog';

/** One alert, said in one language, before it is laid out as text or HTML. */
export interface AlertContent {
  subject: string;
  heading: string;
  paragraphs: string[];
  facts: { label: string; value: string }[];
  action: { label: string; text: string };
  footer: string;
}

export interface FormatOptions {
  /** IANA time zone of the times shown; the computer's own when absent. */
  timeZone?: string;
}

/** Names and details come from admins and servers: one line each, and bounded. */
function oneLine(value: string, max = 200): string {
  const flat = value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function formatTime(iso: string, locale: string, options: FormatOptions = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return oneLine(iso, 60);
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(date);
}

function reasonText(catalog: AlertCatalog, code: string): ReasonText {
  return isKnownAlertReason(code) ? catalog.reasons[code] : catalog.unknownReason(oneLine(code, 80));
}

/** The reason an event is about: deletes held back are always TooManyDeletes (§11). */
export function reasonOf(event: JobAlertEvent): string | undefined {
  return event.kind === 'deletesHeldBack' ? 'TooManyDeletes' : event.reason;
}

const countOrder: (keyof JobAlertCounts)[] = ['heldBack', 'failed', 'referenceFailed', 'succeeded'];

function nextAttemptFact(event: JobAlertEvent, catalog: AlertCatalog, options: FormatOptions) {
  const { labels, nextAttempt } = catalog;
  if (event.kind === 'disabled') return { label: labels.nextAttempt, value: nextAttempt.disabled };
  if (event.kind === 'recovered') {
    return event.nextAttemptAt
      ? { label: labels.nextCycle, value: formatTime(event.nextAttemptAt, catalog.locale, options) }
      : null;
  }
  if (event.nextAttemptAt)
    return { label: labels.nextAttempt, value: formatTime(event.nextAttemptAt, catalog.locale, options) };
  return {
    label: labels.nextAttempt,
    value: event.kind === 'deletesHeldBack' ? nextAttempt.heldBack : nextAttempt.notScheduled,
  };
}

/** Builds what an alert says from its codes and parameters, in the catalogue's language. */
export function alertContent(
  event: JobAlertEvent,
  catalog: AlertCatalog,
  options: FormatOptions = {},
): AlertContent {
  const numbers = new Intl.NumberFormat(catalog.locale);
  const code = reasonOf(event);
  const reason = code === undefined ? null : reasonText(catalog, code);
  const heldBack = event.counts?.heldBack;
  const words: AlertWords = {
    job: oneLine(event.jobName),
    source: oneLine(event.sourceName),
    target: oneLine(event.targetName),
    reason: reason?.short ?? '',
    count: heldBack === undefined ? '' : numbers.format(heldBack),
    threshold: event.threshold === undefined ? '' : numbers.format(event.threshold),
  };
  const { labels } = catalog;

  const facts: AlertContent['facts'] = [
    { label: labels.job, value: words.job },
    { label: labels.source, value: words.source },
    { label: labels.target, value: words.target },
  ];
  if (reason && code !== undefined) {
    const codeNote = reason.short === code ? '' : ` (${oneLine(code, 80)})`;
    facts.push({
      label: event.kind === 'recovered' ? labels.recoveredFrom : labels.reason,
      value: `${reason.short}${codeNote}`,
    });
  }
  if (event.detail) facts.push({ label: labels.detail, value: oneLine(event.detail, 1000) });
  for (const name of countOrder) {
    const value = event.counts?.[name];
    if (value !== undefined) facts.push({ label: labels[name], value: numbers.format(value) });
  }
  if (event.threshold !== undefined) facts.push({ label: labels.threshold, value: words.threshold });
  if (event.quarantineBegan && event.kind !== 'recovered') {
    facts.push({
      label: labels.quarantineBegan,
      value: formatTime(event.quarantineBegan, catalog.locale, options),
    });
  }
  const next = nextAttemptFact(event, catalog, options);
  if (next) facts.push(next);
  facts.push({ label: labels.at, value: formatTime(event.at, catalog.locale, options) });

  const paragraphs = [catalog.summary[event.kind](words)];
  // The held-back summary already says what TooManyDeletes means; a recovery is no longer about it.
  if (reason && event.kind !== 'recovered' && event.kind !== 'deletesHeldBack') paragraphs.push(reason.words);

  let action: string;
  if (event.kind === 'recovered') action = catalog.actions.recovered;
  else if (event.kind === 'disabled')
    action = catalog.actions.disabled(
      reason ? reason.action(words) : catalog.unknownReason('').action(words),
    );
  else action = (reason ?? catalog.unknownReason('')).action(words);

  return {
    subject: oneLine(catalog.subject[event.kind](words), 250),
    heading: catalog.heading[event.kind](words),
    paragraphs,
    facts,
    action: { label: labels.whatToDo, text: action },
    footer: catalog.footer,
  };
}
