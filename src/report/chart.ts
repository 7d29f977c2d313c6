/**
 * A mermaid `xychart-beta` bar chart of per-stage wall time, which GitHub renders in comments.
 *
 * Mermaid draws several bar series at the same x position on top of each other, so the sides
 * are interleaved instead: each stage has a baseline and a candidate category, and each series is
 * zero on the other side's categories. Each side keeps its own colour and no bar hides another.
 */
import type { Diff } from '../compare/verdicts/diff.js';
import { maxOf } from '../collections.js';

const BASELINE_COLOUR = '#8c959f';
const CANDIDATE_COLOUR = '#0969da';

/** Mermaid string literal: double quotes cannot be escaped inside, so they become single quotes. */
function quoted(text: string): string {
  return `"${text.replace(/"/g, "'").replace(/[\r\n]+/g, ' ')}"`;
}

function rounded(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

export interface ChartOptions {
  /** Stages beyond this many (by the larger wall time) are left out, with a note. */
  maxStages?: number;
}

/** The fenced mermaid block, or undefined when no stage has a wall time. */
export function stageWallChart(diff: Diff, options: ChartOptions = {}): string | undefined {
  const walls = diff.stages.map((stage) => {
    const row = diff.rows.find((r) => r.section === 'stages' && r.group === stage && r.name === 'wall_time_s');
    return { stage, baseline: row?.baseline.median, candidate: row?.candidate.median };
  });
  if (walls.every((w) => w.baseline === undefined && w.candidate === undefined)) return undefined;
  const maxStages = options.maxStages ?? 20;
  const biggest = [...walls].sort((a, b) => Math.max(b.baseline ?? 0, b.candidate ?? 0) - Math.max(a.baseline ?? 0, a.candidate ?? 0));
  const kept = new Set(biggest.slice(0, maxStages).map((w) => w.stage));
  const shown = walls.filter((w) => kept.has(w.stage));

  const labels: string[] = [];
  const baseSeries: string[] = [];
  const candSeries: string[] = [];
  for (const w of shown) {
    labels.push(quoted(`${w.stage} · base${w.baseline === undefined ? ' (absent)' : ''}`));
    labels.push(quoted(`${w.stage} · cand${w.candidate === undefined ? ' (absent)' : ''}`));
    baseSeries.push(rounded(w.baseline ?? 0), '0');
    candSeries.push('0', rounded(w.candidate ?? 0));
  }
  const top = maxOf(shown.map((w) => Math.max(w.baseline ?? 0, w.candidate ?? 0)));
  const lines = [
    '```mermaid',
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${BASELINE_COLOUR}, ${CANDIDATE_COLOUR}"}}}}%%`,
    'xychart-beta horizontal',
    `  title ${quoted('Wall time per stage (s): grey = baseline, blue = candidate')}`,
    `  x-axis [${labels.join(', ')}]`,
    `  y-axis ${quoted('seconds')} 0 --> ${rounded(top > 0 ? top * 1.05 : 1)}`,
    `  bar [${baseSeries.join(', ')}]`,
    `  bar [${candSeries.join(', ')}]`,
    '```',
  ];
  const cut = walls.length - shown.length;
  if (cut > 0) lines.push('', `_${cut} shorter stage${cut === 1 ? '' : 's'} not charted._`);
  return lines.join('\n');
}
