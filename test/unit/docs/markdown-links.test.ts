import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const documents = [
  join(root, 'README.md'),
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(root, 'docs', name)),
];

/** The text outside fenced code blocks and inline code: links are only links there. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(file: string): Set<string> {
  const anchors = new Set<string>();
  const counts = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8')
    .replace(/^```[\s\S]*?^```/gm, '')
    .split('\n')) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const base = slug(heading.replace(/`/g, ''));
    const seen = counts.get(base) ?? 0;
    counts.set(base, seen + 1);
    anchors.add(seen === 0 ? base : `${base}-${seen}`);
  }
  return anchors;
}

interface Link {
  from: string;
  target: string;
}

function linksOf(file: string): Link[] {
  const links: Link[] = [];
  for (const match of prose(readFileSync(file, 'utf8')).matchAll(
    /!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g,
  )) {
    const target = match[1] ?? '';
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: …
    links.push({ from: file, target });
  }
  return links;
}

function problemOf(link: Link): string | null {
  const [path = '', anchor] = link.target.split('#');
  const file = path === '' ? link.from : resolve(dirname(link.from), decodeURIComponent(path));
  if (!existsSync(file)) return `${link.target}: no such file`;
  if (anchor === undefined || anchor === '') return null;
  if (!statSync(file).isFile() || !file.endsWith('.md'))
    return `${link.target}: an anchor into a non-markdown file`;
  return anchorsOf(file).has(decodeURIComponent(anchor).toLowerCase())
    ? null
    : `${link.target}: no heading #${anchor}`;
}

describe('markdown links in README.md and docs/', () => {
  it('finds the documents and their links', () => {
    expect(documents.length).toBeGreaterThan(2);
    expect(documents.flatMap(linksOf).length).toBeGreaterThan(0);
  });

  it.each(documents.map((file) => [relative(root, file), file]))(
    'every relative link of %s resolves to a file (and heading)',
    (_name, file) => {
      const broken = linksOf(file)
        .map(problemOf)
        .filter((p): p is string => p !== null);
      expect(broken).toEqual([]);
    },
  );

  it('reports a missing file and a missing heading', () => {
    const from = join(root, 'README.md');
    expect(problemOf({ from, target: 'docs/nope.md' })).toContain('no such file');
    expect(problemOf({ from, target: 'docs/job-format.md#no-such-heading' })).toContain('no heading');
    expect(problemOf({ from, target: 'docs/job-format.md#exit-codes' })).toBeNull();
  });

  it('computes anchors the way GitHub does', () => {
    expect(slug('The CLI')).toBe('the-cli');
    expect(slug('8. Disable vs delete')).toBe('8-disable-vs-delete');
    expect(slug('`roster-connections` files')).toBe('roster-connections-files');
  });
});
