import type { JobAlertEvent } from '@shared/domain/notifications';
import type { Language } from '@shared/domain/settings';
import { alertContent, formatTime, type FormatOptions } from './alert-content';
import type { AlertCatalog } from './catalog';
import { alertCatalogEn } from './catalog-en';
import { alertCatalogKo } from './catalog-ko';
import { escapeHtml, renderEmail, type EmailBody } from './render-email';

export type { EmailBody };

const catalogs: Record<Language, AlertCatalog> = { en: alertCatalogEn, ko: alertCatalogKo };

/** The email for one job alert: subject, plain text and HTML, in the given language. */
export function buildAlertEmail(
  event: JobAlertEvent,
  lang: Language,
  options: FormatOptions = {},
): EmailBody {
  return renderEmail(alertContent(event, catalogs[lang], options), lang);
}

/** The same alert as a desktop notification: the heading and the opening sentence. */
export function buildDesktopText(
  event: JobAlertEvent,
  lang: Language,
  options: FormatOptions = {},
): { title: string; body: string } {
  const content = alertContent(event, catalogs[lang], options);
  return { title: content.heading, body: content.paragraphs[0] ?? '' };
}

/** "Send test email": proves the settings work, and says how alerts will arrive. */
export function buildTestEmail(
  server: string,
  at: Date,
  lang: Language,
  options: FormatOptions = {},
): EmailBody {
  const catalog = catalogs[lang];
  const body = catalog.test.body(server);
  const time = formatTime(at.toISOString(), catalog.locale, options);
  return {
    subject: catalog.test.subject,
    text: `${catalog.test.heading}\n\n${body}\n\n${catalog.labels.at}: ${time}\n`,
    html:
      `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(catalog.test.subject)}</title></head>` +
      `<body style="font-family:system-ui,sans-serif;font-size:14px;line-height:1.5;">` +
      `<h1 style="font-size:18px;">${escapeHtml(catalog.test.heading)}</h1><p>${escapeHtml(body)}</p>` +
      `<p>${escapeHtml(catalog.labels.at)}: ${escapeHtml(time)}</p></body></html>\n`,
  };
}
