/** The runner part of the baseline key: what identifies the machine class, never the runner's name. */
import { describe, expect, it } from 'vitest';
import { runnerKey } from '../../src/action/baseline-key.js';
import { enterpriseServerRefusal } from '../../src/action/context.js';

describe('runnerKey', () => {
  const linux = { os: 'Linux', arch: 'X64', environment: 'self-hosted' };

  it("is the job's runner labels, with OS and architecture added when the labels do not say them", () => {
    expect(runnerKey('self-hosted-linux-gpu-a', linux)).toBe('self-hosted-linux-gpu-a-x64');
    expect(runnerKey('self-hosted-linux-x64-gpu-a', linux)).toBe('self-hosted-linux-x64-gpu-a');
    expect(runnerKey('gpu-a', { ...linux, arch: 'ARM64' })).toBe('gpu-a-linux-arm64');
  });

  it('defaults to the runner environment, OS and architecture: the same for every ephemeral runner of a class', () => {
    expect(runnerKey(undefined, linux)).toBe('self-hosted-linux-x64');
    expect(runnerKey('', { os: 'Linux', arch: 'X64', environment: 'github-hosted' })).toBe('github-hosted-linux-x64');
  });
});

describe('enterpriseServerRefusal', () => {
  it('accepts github.com and GHE.com, refuses any other server (the artifact and cache clients do)', () => {
    expect(enterpriseServerRefusal('https://github.com')).toBeUndefined();
    expect(enterpriseServerRefusal('https://acme.ghe.com')).toBeUndefined();
    expect(enterpriseServerRefusal('https://github.acme.internal')).toMatch(/^GitHub Enterprise Server \(github\.acme\.internal\) is not supported/);
  });
});
