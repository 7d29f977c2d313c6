/** The pure parts of the harness: command and file-command parsing, defaults, tokens, cache matching. */
import { describe, expect, it } from 'vitest';
import { ActionsModel, decodeRuntimeToken, makeRuntimeToken, parseFileCommand, parseWorkflowCommands } from '../fakes/index.js';
import { evaluateDefault } from '../fakes/runner-env.js';

describe('workflow command parsing', () => {
  it('unescapes properties and data, and honours stop-commands', () => {
    const stdout = [
      'plain line',
      '::error file=src/a%2Cb.ts,line=3,col=7,title=x%3A y::first%0Asecond 100%25',
      '  ::warning::indented warning',
      '::group::Measure',
      '::stop-commands::tok123',
      '::error::not a command while stopped',
      '::tok123::',
      '::endgroup::',
      ':: not-a-command',
    ].join('\n');
    const commands = parseWorkflowCommands(stdout);
    expect(commands.map((c) => [c.command, c.line])).toEqual([
      ['error', 1],
      ['warning', 2],
      ['group', 3],
      ['stop-commands', 4],
      ['endgroup', 7],
    ]);
    expect(commands[0]).toMatchObject({ properties: { file: 'src/a,b.ts', line: '3', col: '7', title: 'x: y' }, message: 'first\nsecond 100%' });
  });
});

describe('file command parsing', () => {
  it('reads name=value lines and heredocs (CRLF too), last write wins', () => {
    const content = 'a=1\nmulti<<EOF_1\nline 1\r\n\r\nline 3\nEOF_1\r\na=2\nempty<<X\nX\n';
    expect(parseFileCommand(content)).toEqual({ a: '2', multi: 'line 1\n\nline 3', empty: '' });
  });

  it('refuses a heredoc without its delimiter and lines without a name, with the line number', () => {
    expect(() => parseFileCommand('ok=1\nbad<<END\nvalue\n', 'out')).toThrow('out:2: no closing delimiter END for bad');
    expect(() => parseFileCommand('=nameless', 'out')).toThrow('out:1: invalid line');
  });
});

describe('action.yml default expressions', () => {
  it('evaluates github.* paths and refuses anything else', () => {
    const github = { token: 'ghs_x', event: { issue: { number: 7 } } };
    expect(evaluateDefault('${{ github.token }}', github)).toBe('ghs_x');
    expect(evaluateDefault('#${{github.event.issue.number}}', github)).toBe('#7');
    expect(evaluateDefault('${{ github.missing }}', github)).toBe('');
    expect(() => evaluateDefault('${{ secrets.TOKEN }}', github)).toThrow(/unsupported expression/);
    expect(() => evaluateDefault("${{ format('{0}', github.token) }}", github)).toThrow(/unsupported expression/);
  });
});

describe('runtime token', () => {
  it('round-trips the backend ids and ignores other scopes', () => {
    const token = makeRuntimeToken({ runBackendId: 'run-1', jobBackendId: 'job-1' });
    expect(token.split('.')).toHaveLength(3);
    expect(decodeRuntimeToken(token)).toEqual({ runBackendId: 'run-1', jobBackendId: 'job-1' });
    expect(decodeRuntimeToken('a.b.c')).toBeUndefined();
    expect(decodeRuntimeToken(undefined)).toBeUndefined();
  });
});

describe('cache entry matching (GitHub documented order)', () => {
  function modelWith(entries: { key: string; version?: string; run: 'main' | 'pr' | 'other'; at: number }[]) {
    const model = new ActionsModel();
    const runs = {
      main: model.addRun({ headBranch: 'main' }),
      pr: model.addRun({ event: 'pull_request', ref: 'refs/pull/3/merge', headBranch: 'feat', baseBranch: 'release' }),
      other: model.addRun({ headBranch: 'other' }),
    };
    const release = model.addRun({ headBranch: 'release' });
    for (const e of entries) {
      const entry = model.reserveCacheEntry(e.run === 'other' && e.key.startsWith('rel') ? release : runs[e.run], e.key, e.version ?? 'v1')!;
      entry.state = 'finalized';
      entry.createdAt = new Date(e.at);
    }
    return { model, runs };
  }

  it('prefers an exact key, then the newest prefix match, per key in order, nearest scope first', () => {
    const { model, runs } = modelWith([
      { key: 'og-a-1', run: 'main', at: 1 },
      { key: 'og-a-2', run: 'main', at: 3 },
      { key: 'og-a', run: 'main', at: 2 },
      { key: 'og-b-1', run: 'pr', at: 1 },
      { key: 'rel-1', run: 'other', at: 5 },
      { key: 'og-z', version: 'v2', run: 'main', at: 9 },
    ]);
    const find = (run: keyof typeof runs, key: string, restore: string[] = [], version = 'v1') => model.findCacheEntry(runs[run], key, restore, version)?.key;
    expect(find('main', 'og-a')).toBe('og-a');
    expect(find('main', 'og-a-')).toBe('og-a-2');
    expect(find('main', 'nope', ['og-x', 'og-a-'])).toBe('og-a-2');
    expect(find('main', 'og-z')).toBeUndefined();
    expect(find('main', 'og-z', [], 'v2')).toBe('og-z');
    // The PR's own scope first, then its base branch, then the default branch.
    expect(find('pr', 'og-', [])).toBe('og-b-1');
    expect(find('pr', 'rel-')).toBe('rel-1');
    expect(find('pr', 'og-a-')).toBe('og-a-2');
    // Another branch never sees the PR's entries.
    expect(find('other', 'og-b-')).toBeUndefined();
  });

  it('refuses a second reservation of the same key and version in one scope only', () => {
    const model = new ActionsModel();
    const main = model.addRun();
    const other = model.addRun({ headBranch: 'other' });
    expect(model.reserveCacheEntry(main, 'k', 'v')).toBeDefined();
    expect(model.reserveCacheEntry(main, 'k', 'v')).toBeUndefined();
    expect(model.reserveCacheEntry(main, 'k', 'v2')).toBeDefined();
    expect(model.reserveCacheEntry(other, 'k', 'v')).toBeDefined();
  });
});
