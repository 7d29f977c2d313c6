/** Making the report fit what the runner shows: the 1 MiB summary and 10 annotations per type. */
import { describe, expect, it } from 'vitest';
import { MAX_ANNOTATION_CHARS, MAX_SUMMARY_BYTES, fitAnnotations, fitSummary } from '../../src/publish/limits.js';

describe('fitSummary', () => {
  it('keeps a summary under the limit as it is', () => {
    expect(fitSummary('### ship\n')).toBe('### ship\n');
  });

  it('cuts at a line under 1 MiB counted in bytes, closes an open code block and says where the rest is', () => {
    const table = Array.from({ length: 6000 }, (_, i) => `| stage ${i} | ${'é'.repeat(60)} |`).join('\n');
    const chart = `\`\`\`mermaid\n${Array.from({ length: 4000 }, () => `  bar [${'1, '.repeat(40)}]`).join('\n')}\n\`\`\`\n`;
    const markdown = `### ❌ reject\n\n${table}\n\n${chart}`;
    expect(Buffer.byteLength(markdown)).toBeGreaterThan(MAX_SUMMARY_BYTES);
    const fitted = fitSummary(markdown);
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
    expect(fitted.startsWith('### ❌ reject\n')).toBe(true);
    expect(fitted).toContain('report cut to fit the job summary');
    const body = fitted.slice(0, fitted.indexOf('\n\n_… report cut'));
    expect(body.split('\n').filter((l) => l.startsWith('```')).length % 2).toBe(0);
    expect(markdown.startsWith(body.replace(/```\n$/, ''))).toBe(true);
  });
});

describe('fitAnnotations', () => {
  const list = Array.from({ length: 12 }, (_, i) => ({ title: 'optimization-gate: guardrail fail', message: `profile.stages.s${i}.wall_time_s <= +5%: +9 %` }));

  it('keeps annotations within the budget one by one', () => {
    expect(fitAnnotations(list.slice(0, 3), 7, 'optimization-gate: findings')).toEqual(list.slice(0, 3));
  });

  it('lists more than the budget in one annotation, every one named', () => {
    const [one, ...rest] = fitAnnotations(list, 7, 'optimization-gate: findings');
    expect(rest).toEqual([]);
    expect(one?.title).toBe('optimization-gate: findings (12)');
    expect(one?.message.split('\n')).toHaveLength(12);
    expect(one?.message).toContain('guardrail fail: profile.stages.s11.wall_time_s <= +5%: +9 %');
  });

  it("stays under the runner's 4096 characters per message, saying how many more the report has", () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ title: 't', message: `metric ${i} ${'x'.repeat(50)}` }));
    const [one] = fitAnnotations(many, 7, 'findings');
    expect(one!.message.length).toBeLessThanOrEqual(MAX_ANNOTATION_CHARS);
    expect(one!.message).toMatch(/… and \d+ more in the report$/);
    const shown = one!.message.split('\n').length - 1;
    expect(one!.message).toContain(`and ${200 - shown} more`);
  });
});
