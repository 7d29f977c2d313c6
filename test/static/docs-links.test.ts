/**
 * The README stays a five-minute read (≤ 16 KB) with the two commands that work on a fresh machine at its
 * top, the test command being the one CI runs; and every relative link of the README, CONTRIBUTING.md and
 * docs/*.md reaches an existing file (and heading, when it names one).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './yaml-file.js';

const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');
const PAGES = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(REPO_ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const README_LIMIT = 16_384;

/** The text outside fenced code blocks: a link-like string in a code sample is no link. */
function prose(markdown: string): string {
  return markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens; repeats get -1, -2 … */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const [, id] of markdown.matchAll(/<a id="([^"]+)">/g)) anchors.add(id!);
  const seen = new Map<string, number>();
  for (const [, heading] of prose(markdown).matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const slug = heading!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}

/** Each relative link of a page: where it points from the repository root, and the anchor it names. */
function relativeLinks(page: string): { target: string; anchor: string | undefined; text: string }[] {
  const links = [];
  for (const [, text, href] of prose(read(page)).matchAll(/\[([^\]]*)\]\(([^)\s]+)\)/g)) {
    if (/^[a-z][a-z+.-]*:/i.test(href!)) continue;
    const [path = '', anchor] = href!.split('#');
    const target = path === '' ? page : normalize(join(dirname(page), decodeURIComponent(path)));
    links.push({ target: relative('.', target), anchor, text: text ?? '' });
  }
  return links;
}

describe('the README', () => {
  const readme = read('README.md');

  it(`stays at most ${README_LIMIT} bytes`, () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(README_LIMIT);
  });

  it('opens with what it is, then the two commands that work on a fresh machine; its test command is what CI runs', () => {
    const first = readme.indexOf('```sh\n');
    expect(readme.slice(0, first)).toMatch(/^# optimization-gate\n\noptimization-gate decides whether an optimization/);
    const commands = readme.slice(first, readme.indexOf('\n```', first + 1));
    expect(commands).toMatch(/^npm ci && npm run demo {2,}#/m);
    expect(commands).toMatch(/^npm ci && npm test {2,}#/m);
    expect(read('package.json')).toMatch(/"demo": "node scripts\/demo\.mjs"/);
    expect(read('.ci/run')).toMatch(/^npm ci --no-audit --no-fund$[\s\S]*^npm test$/m);
    expect(read('.github/workflows/ci.yml')).toMatch(/- run: npm ci --no-audit --no-fund\n[\s\S]*- run: npm test\n/);
  });
});

describe('relative links', () => {
  it.each(PAGES)('of %s reach an existing file and heading', (page) => {
    const broken = relativeLinks(page).flatMap(({ target, anchor, text }) => {
      if (!existsSync(join(REPO_ROOT, target))) return [`${text}: no file ${target}`];
      if (anchor === undefined || !target.endsWith('.md')) return [];
      return anchorsOf(read(target)).has(anchor) ? [] : [`${text}: no heading #${anchor} in ${target}`];
    });
    expect(broken).toEqual([]);
  });

  it('are found, and a broken one is noticed', () => {
    expect(relativeLinks('README.md').map((l) => l.target)).toContain('docs/statistics.md');
    expect(anchorsOf('## Getting `init`\n\n## What it cannot do\n\n## What it cannot do\n<a id="fork-pull-requests"></a>')).toEqual(
      new Set(['fork-pull-requests', 'getting-init', 'what-it-cannot-do', 'what-it-cannot-do-1']),
    );
    expect(anchorsOf('```sh\n# not a heading\n```\n')).toEqual(new Set());
  });
});
