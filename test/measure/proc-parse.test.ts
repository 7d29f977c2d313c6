import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCpuinfo, parseProcStat, parseSmapsRollup } from '../../src/measure/proc-parse.js';

// A real line from this kernel (`cat /proc/self/stat`), with comm "cat".
const CAT_STAT =
  '6335 (cat) R 6282 6282 3533 0 -1 4194304 102 0 0 0 3 1 7 2 20 0 1 0 72626 3133440 402 18446744073709551615 94583670677504 94583670697385 140733490107792 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0 94583670713392 94583670715008 94584719708160 140733490113248 140733490113268 140733490113268 140733490114539 0';

describe('parseProcStat', () => {
  it('reads the fields the sampler needs, by their proc(5) numbers', () => {
    expect(parseProcStat(CAT_STAT)).toEqual({
      pid: 6335,
      comm: 'cat',
      state: 'R',
      flags: 4194304,
      minflt: 102,
      ppid: 6282,
      pgrp: 6282,
      session: 3533,
      utime: 3,
      stime: 1,
      cutime: 7,
      cstime: 2,
      starttime: 72626,
      rssPages: 402,
      startcode: 94583670677504,
      exitSignal: 17,
    });
  });

  it('parses after the last ")" so a comm with spaces and parentheses does not shift the fields', () => {
    const tricky = CAT_STAT.replace('(cat)', '(my (odd) ) name)');
    const stat = parseProcStat(tricky);
    expect(stat?.comm).toBe('my (odd) ) name');
    expect(stat?.ppid).toBe(6282);
    expect(stat?.starttime).toBe(72626);
    expect(stat?.cutime).toBe(7);
  });

  it('rejects truncated or foreign text instead of returning NaN fields', () => {
    expect(parseProcStat('')).toBeUndefined();
    expect(parseProcStat('6335 (cat) R 6282')).toBeUndefined();
    expect(parseProcStat(CAT_STAT.replace(' 72626 ', ' x '))).toBeUndefined();
  });

  it("parses this process's own stat on Linux", () => {
    if (process.platform !== 'linux') return;
    const stat = parseProcStat(readFileSync('/proc/self/stat', 'latin1'));
    expect(stat?.pid).toBe(process.pid);
    expect(stat?.ppid).toBe(process.ppid);
  });
});

describe('parseSmapsRollup', () => {
  it('reads Rss, Pss and the private pages in kB', () => {
    const text = [
      '55b90fb48000-7ffd35cec000 ---p 00000000 00:00 0  [rollup]',
      'Rss:                1636 kB',
      'Pss:                 390 kB',
      'Pss_Dirty:           112 kB',
      'Shared_Clean:       1452 kB',
      'Private_Clean:        72 kB',
      'Private_Dirty:       112 kB',
      '',
    ].join('\n');
    expect(parseSmapsRollup(text)).toEqual({ rssKb: 1636, pssKb: 390, privateKb: 184 });
  });

  it('does not mistake Pss_Dirty for Pss', () => {
    expect(parseSmapsRollup('x [rollup]\nRss: 10 kB\nPss_Dirty: 5 kB\n')).toBeUndefined();
  });

  it('reads a real rollup of this process', () => {
    if (process.platform !== 'linux') return;
    const rollup = parseSmapsRollup(readFileSync('/proc/self/smaps_rollup', 'latin1'));
    expect(rollup?.rssKb).toBeGreaterThan(10_000);
    expect(rollup?.pssKb).toBeGreaterThan(0);
    expect(rollup?.pssKb).toBeLessThanOrEqual(rollup?.rssKb ?? 0);
  });
});

describe('parseCpuinfo', () => {
  it('counts distinct (physical id, core id) pairs, not hyperthreads', () => {
    const block = (proc: number, phys: number, core: number): string => `processor\t: ${proc}\nmodel name\t: Test CPU @ 3GHz\nphysical id\t: ${phys}\ncore id\t\t: ${core}\n\n`;
    const text = block(0, 0, 0) + block(1, 0, 0) + block(2, 0, 1) + block(3, 0, 1) + block(4, 1, 0);
    expect(parseCpuinfo(text)).toEqual({ model: 'Test CPU @ 3GHz', physicalCores: 3 });
  });

  it('leaves the physical count unknown when there are no core ids (ARM)', () => {
    expect(parseCpuinfo('processor\t: 0\nBogoMIPS\t: 48.00\n')).toEqual({});
  });
});
