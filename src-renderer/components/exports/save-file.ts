/**
 * Saves text the renderer already holds (a job file) through the browser's download: works the same in
 * browser mode and in the desktop app, which asks where to save it.
 */
export function saveTextFile(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from a job name: keeps letters of any script, replaces what file systems refuse. */
export function safeFileName(name: string, extension: string): string {
  const base = name
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return `${base || 'roster'}.${extension}`;
}
