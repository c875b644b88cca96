import type { Language } from '@shared/domain/settings';
import type { AlertContent } from './alert-content';

export interface EmailBody {
  subject: string;
  text: string;
  html: string;
}

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every value in an alert may come from an admin or a server: nothing is markup. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => htmlEscapes[c] ?? c);
}

/** Columns a label takes in a monospaced mail client: Hangul and CJK take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xff00 && code <= 0xff60);
    width += wide ? 2 : 1;
  }
  return width;
}

function renderText(content: AlertContent): string {
  const width = Math.max(...content.facts.map((f) => displayWidth(f.label)));
  const facts = content.facts.map(
    (f) => `${f.label}:${' '.repeat(width + 2 - displayWidth(f.label))}${f.value}`,
  );
  return [
    content.heading,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...facts,
    '',
    `${content.action.label}:`,
    content.action.text,
    '',
    '-- ',
    content.footer,
    '',
  ].join('\n');
}

function renderHtml(content: AlertContent, lang: Language): string {
  const cell = 'padding:4px 12px 4px 0;vertical-align:top;';
  const rows = content.facts
    .map(
      (f) =>
        `<tr><th scope="row" style="${cell}text-align:left;font-weight:600;white-space:nowrap;">` +
        `${escapeHtml(f.label)}</th><td style="${cell}">${escapeHtml(f.value)}</td></tr>`,
    )
    .join('\n');
  const paragraphs = content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans KR',sans-serif;font-size:14px;line-height:1.5;color:#1f2328;">
<h1 style="font-size:18px;margin:0 0 12px;">${escapeHtml(content.heading)}</h1>
${paragraphs}
<table role="presentation" style="border-collapse:collapse;margin:12px 0;">
${rows}
</table>
<h2 style="font-size:15px;margin:16px 0 4px;">${escapeHtml(content.action.label)}</h2>
<p>${escapeHtml(content.action.text)}</p>
<hr style="border:none;border-top:1px solid #d0d7de;margin:16px 0;">
<p style="color:#59636e;font-size:12px;">${escapeHtml(content.footer)}</p>
</body>
</html>
`;
}

/** The same alert as plain text and as HTML (mail clients show one or the other). */
export function renderEmail(content: AlertContent, lang: Language): EmailBody {
  return { subject: content.subject, text: renderText(content), html: renderHtml(content, lang) };
}
