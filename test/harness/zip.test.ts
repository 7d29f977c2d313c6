/**
 * The zip reader against archives made by other tools (Info-ZIP `zip`, Python's zipfile with
 * forced ZIP64), and the small writer checked by Info-ZIP `unzip`.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipArtifact, zipFiles } from '../fakes/index.js';

describe('zip reader and writer', () => {
  let dir: string;
  const files: Record<string, Buffer> = {
    'profile.yaml': Buffer.from('release: v1\nstages: {}\n'),
    'eval/metrics.json': Buffer.from(JSON.stringify({ intrinsic: { gates: { leak_rate: 0 } } })),
    'eval/empty.txt': Buffer.alloc(0),
    'samples.bin': randomBytes(70_000),
    'notes/é-unicode.md': Buffer.from('ünïcødé\n'),
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'og-zip-'));
    for (const [name, data] of Object.entries(files)) {
      mkdirSync(join(dir, 'src', name, '..'), { recursive: true });
      writeFileSync(join(dir, 'src', name), data);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function expectSameFiles(unzipped: Map<string, Buffer>): void {
    expect([...unzipped.keys()].sort()).toEqual(Object.keys(files).sort());
    for (const [name, data] of Object.entries(files)) expect(unzipped.get(name)?.equals(data), name).toBe(true);
  }

  it('reads Info-ZIP archives, stored and deflated', () => {
    for (const level of ['-0', '-9']) {
      const out = join(dir, `info${level}.zip`);
      execFileSync('zip', ['-q', '-r', level, out, '.'], { cwd: join(dir, 'src') });
      expectSameFiles(unzipArtifact(readFileSync(out)));
    }
  });

  it('reads ZIP64 archives with data descriptors (Python zipfile, streamed and forced ZIP64)', () => {
    // Written to a pipe, which zipfile cannot seek back into: sizes go to data descriptors.
    const script = [
      'import os, sys, zipfile',
      'src = sys.argv[1]',
      'with zipfile.ZipFile(sys.stdout.buffer, "w", zipfile.ZIP_DEFLATED) as z:',
      '    for root, _, names in os.walk(src):',
      '        for n in names:',
      '            p = os.path.join(root, n)',
      '            with open(p, "rb") as f, z.open(os.path.relpath(p, src), "w", force_zip64=True) as w:',
      '                w.write(f.read())',
    ].join('\n');
    const zip = execFileSync('python3', ['-c', script, join(dir, 'src')], { maxBuffer: 16 * 1024 * 1024 });
    expect(zip.includes(Buffer.from([0x50, 0x4b, 0x07, 0x08])), 'has data descriptors').toBe(true);
    expect(zip.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06])) || zip.includes(Buffer.from([0x01, 0x00, 0x10, 0x00])), 'has ZIP64 records').toBe(true);
    expectSameFiles(unzipArtifact(zip));
  });

  it('writes archives that Info-ZIP tests clean and Python reads byte for byte (UTF-8 names included)', () => {
    const out = join(dir, 'ours.zip');
    writeFileSync(out, zipFiles(files));
    expect(execFileSync('unzip', ['-tq', out], { encoding: 'utf8' })).toMatch(/No errors detected/);
    const script = [
      'import hashlib, json, sys, zipfile',
      'z = zipfile.ZipFile(sys.argv[1])',
      'print(json.dumps({i.filename: [hashlib.sha256(z.read(i)).hexdigest(), i.date_time[0]] for i in z.infolist()}))',
    ].join('\n');
    const listed = JSON.parse(execFileSync('python3', ['-c', script, out], { encoding: 'utf8' })) as Record<string, [string, number]>;
    const expected = Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [createHash('sha256').update(data).digest('hex'), 1980]]));
    expect(listed).toEqual(expected);
    expectSameFiles(unzipArtifact(readFileSync(out)));
  });

  it('refuses corrupt input with a located message', () => {
    expect(() => unzipArtifact(Buffer.from('not a zip at all, just text padding'.repeat(2)))).toThrow(/no end-of-central-directory/);
    const zip = zipFiles({ 'a.txt': 'hello hello hello hello' });
    const corrupt = Buffer.from(zip);
    corrupt.writeUInt32LE((corrupt.readUInt32LE(14) ^ 0xff) >>> 0, 14); // local CRC is not read; flip the central one
    const central = corrupt.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    corrupt.writeUInt32LE((corrupt.readUInt32LE(central + 16) ^ 0xff) >>> 0, central + 16);
    expect(() => unzipArtifact(corrupt)).toThrow(/a\.txt: CRC-32 mismatch/);
  });
});
