import { describe, expect, it } from 'vitest';
import { diffSides } from '../../src/compare/verdicts/diff.js';
import { DIFF_JSON_SCHEMA, renderDiff } from '../../src/report/diff-format.js';
import { BUNDLED_PROFILE, OLLAMA_EVAL_DIR, OPENAI_EVAL_DIR, STAGED_PROFILE } from '../helpers/fixtures.js';
import { run, side } from '../compare/helpers.js';

const diff = diffSides(side('baseline', run(STAGED_PROFILE, OPENAI_EVAL_DIR)), side('candidate', run(BUNDLED_PROFILE, OLLAMA_EVAL_DIR)));

describe('diff renderers', () => {
  it('text: aligned rows with the change and notes', () => {
    const text = renderDiff(diff, 'text');
    const lines = text.split('\n');
    expect(lines[0]).toBe('diff: issue477-staged-gpt4o.yaml → issue477-bundled-gpt4o.yaml');
    expect(lines.find((l) => l.startsWith('profile.totals.wall_time_s '))).toMatch(/^profile.totals.wall_time_s +40.3144 s +21.5184 s +-18.796 s +-46.6 %$/);
    expect(lines.find((l) => l.startsWith('profile.stages.transcript_cleaning.wall_time_s '))).toMatch(/42.08 s +0 s +-42.08 s +-100.0 % \(stage absent in candidate: 0 s\)$/);
    expect(lines.find((l) => l.startsWith('profile.stages.transcript_cleaning.peak_rss_mb '))).toMatch(/630 MiB +— +— +only in baseline$/);
    expect(lines.find((l) => l.startsWith('profile.stages.kg_extraction.avg_cpu_pct '))).toMatch(/\+1.73 pp +baseline 0$/);
  });

  it('md: the stage table, the chart and the quality table', () => {
    const md = renderDiff(diff, 'md');
    expect(md.split('\n')[0]).toBe('### Diff: issue477-staged-gpt4o.yaml → issue477-bundled-gpt4o.yaml');
    expect(md).toContain('| summarization | 45.9 s → 5.76 s (-87.5 %) | 630 MiB → 640 MiB (+1.59 %) | 0.46 % → 0.99 % (+115.2 %) |');
    expect(md).toContain('xychart-beta horizontal');
    expect(md).toContain('| performance | avg_latency_ms | 4676.198 ms | 15376.38 ms | +10700.18 ms | +228.8 % |');
  });

  it('json: null for absent numbers, a schema id, parseable', () => {
    const json = JSON.parse(renderDiff(diff, 'json')) as { schema: string; rows: Array<{ metric: string; percent: number | null; change: number | null; note: string | null }> };
    expect(json.schema).toBe(DIFF_JSON_SCHEMA);
    const cleaning = json.rows.find((r) => r.metric === 'profile.stages.transcript_cleaning.peak_rss_mb');
    expect(cleaning).toMatchObject({ change: null, percent: null, note: 'only in baseline' });
    const total = json.rows.find((r) => r.metric === 'profile.totals.wall_time_s');
    expect(total?.percent).toBeCloseTo(-46.6235, 3);
  });
});
