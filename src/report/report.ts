/**
 * The gate report: one markdown text for the issue comment, the sticky PR comment and the job
 * summary. The first lines give the decision and what failed; the details follow. It always fits
 * in a GitHub comment (65 536 characters): optional sections give way first, with a note.
 */
import type { Diff } from '../compare/verdicts/diff.js';
import type { GateResult, RunInfo } from '../compare/verdicts/gate.js';
import { whoHas } from '../compare/comparability/host.js';
import { GATE_JSON_SCHEMA } from '../compare/verdicts/gate-json.js';
import { describeProblem } from '../compare/verdicts/gate.js';
import { describeRule } from '../compare/grammar/thresholds/index.js';
import { code, details, table } from './markdown.js';
import { escapeInline, neutralize } from './escape.js';
import { costTable, qualityTable, stageTable } from './diff-tables.js';
import { stageWallChart } from './chart.js';
import { headline, summaryLine, verdictTable } from './verdicts.js';
import { datasetSection, environmentSection } from './comparability.js';
import { renderHypotheses } from './hypotheses.js';

/** GitHub's limit for an issue or PR comment body. */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface ReportOptions {
  /** Link to the uploaded artifacts (profiles, stage_truth, eval outputs, gate.json). */
  artifactUrl?: string;
  /** Link to the workflow run. */
  runUrl?: string;
  /** Maximum length in characters; default a margin under GitHub's comment limit. */
  maxLength?: number;
  /** Where the baseline came from (e.g. the verified refresh run), shown under the links. */
  baseline?: string;
}

interface Section {
  text: string;
  /** Dropped (replaced by a note) when the report is too long; essential sections never are. */
  optional?: string;
}

function linksLine(options: ReportOptions): string | undefined {
  const links = [options.artifactUrl ? `[artifacts](${options.artifactUrl})` : '', options.runUrl ? `[workflow run](${options.runUrl})` : ''].filter(Boolean);
  return links.length > 0 ? links.join(' · ') : undefined;
}

function problemsSection(result: GateResult): string | undefined {
  // A dataset mismatch has its own section (with the identities side by side).
  const errors = result.inputErrors.filter((e) => !result.dataset.mismatches.includes(e));
  if (result.problems.length === 0 && errors.length === 0) return undefined;
  const lines = ['#### ⚠️ The gate could not judge these inputs', ''];
  for (const p of result.problems) lines.push(`- ${describeProblem(p)}`);
  for (const e of errors) lines.push(`- ${neutralize(e).split('\n').join('\n  ')}`);
  lines.push('', 'Fix them on the issue (or the inputs) and run the gate again; until then the decision is `reject`.');
  return lines.join('\n');
}

function parsedThresholds(result: GateResult): string | undefined {
  const seen = new Map<string, { matches: number; t: GateResult['thresholds'][number] }>();
  for (const t of result.thresholds) {
    const key = `${t.threshold.line}:${t.threshold.metric}:${t.threshold.rule.text}`;
    const entry = seen.get(key);
    if (entry) entry.matches += 1;
    else seen.set(key, { matches: t.metric === t.threshold.metric && t.verdict === 'missing' && t.baseline.n + t.candidate.n === 0 ? 0 : 1, t });
  }
  if (seen.size === 0) return undefined;
  const rows = [...seen.values()].map(({ matches, t }) => [
    code(t.threshold.metric),
    code(t.threshold.rule.text),
    `${describeRule(t.threshold.rule, t.threshold.metric)}${t.threshold.default !== undefined ? `; a run whose file lacks it reads ${String(t.threshold.default)} (\`default:\`)` : ''}`,
    t.threshold.kind,
    t.threshold.optional ? 'yes' : 'no',
    `${t.threshold.origin} line ${t.threshold.line}`,
    String(matches),
  ]);
  const spec = [
    result.spec.baseline !== undefined ? `baseline named on the issue: ${code(result.spec.baseline)}` : '',
    result.spec.baselineEval !== undefined ? `its eval results: ${code(result.spec.baselineEval)}` : '',
    result.spec.repeat !== undefined ? `repeat: ${result.spec.repeat}` : '',
    result.spec.compareAcross !== undefined ? `compare-across: ${result.spec.compareAcross.map(code).join(', ')}` : '',
  ].filter(Boolean);
  const body = table(['Metric', 'Rule', 'Read as', 'Kind', 'Optional', 'Where', 'Matches'], rows, { maxRows: 100 });
  return details(`Thresholds as parsed (${seen.size})`, spec.length > 0 ? `${spec.join(' · ')}\n\n${body}` : body);
}

function hostSection(result: GateResult): string {
  const { host } = result;
  if (host.runs.length === 0) return '#### Host\n\nNo runs were loaded.';
  if (host.comparable) {
    const first = host.runs[0];
    return `#### Host\n\n✅ All runs on the same host: ${code(first?.hostname ?? 'not recorded')}, CPU ${code(first?.cpu ?? 'not recorded')}.`;
  }
  const lines = ['#### ⚠️ Host', '', '**Runs come from different machines: time and memory may not be comparable.**', ''];
  for (const d of host.differences) lines.push(`- ${neutralize(d)}`);
  return lines.join('\n');
}

function footnotes(result: GateResult): string {
  const runs = [...result.runs.baseline, ...result.runs.candidate];
  const hosts = runs.map((r) => r.host);
  /** Distinct values with the runs that have them ("all runs" when there is one value). */
  const grouped = (pick: (r: RunInfo) => string): string[] => {
    const groups = new Map<string, RunInfo[]>();
    for (const r of runs) groups.set(pick(r), [...(groups.get(pick(r)) ?? []), r]);
    return [...groups.entries()].map(([value, who]) =>
      groups.size > 1
        ? `${value} (${whoHas(
            who.map((r) => r.host),
            hosts,
          )})`
        : value,
    );
  };
  const sampling = grouped((r) => neutralize(r.samplingNote ?? 'not stated in the profile'));
  const memory = grouped((r) => neutralize(r.memoryMetric ?? 'not stated (third-party profile: as its tool wrote it)'));
  const label = (side: 'baseline' | 'candidate') => {
    const labels = result.runs[side].map((r) => escapeInline(r.label));
    return labels.length > 3 ? `${labels.slice(0, 3).join(', ')} …` : labels.join(', ') || 'none';
  };
  const lines = [
    ...(runs.length > 0 ? [`- Sampling: ${sampling.join('; ')}`, `- Memory metric: ${memory.join('; ')}. \`*_mb\` values are MiB; CPU is percent of one core.`] : []),
    `- Runs: baseline ${result.runs.baseline.length} (${label('baseline')}); candidate ${result.runs.candidate.length} (${label('candidate')}).`,
    `- Noise: ${result.noise}.`,
    ...result.notes.map((n) => `- Note: ${neutralize(n)}.`),
    `- Machine-readable result: \`gate.json\` (schema \`${GATE_JSON_SCHEMA}\`).`,
  ];
  return `<sub>\n\n${lines.join('\n')}\n\n</sub>`;
}

function assemble(sections: readonly Section[], limit: number): string {
  const join = (parts: readonly Section[]) => parts.map((s) => s.text).join('\n\n');
  const kept = [...sections];
  // Drop optional sections from the end until the report fits; each leaves a one-line note.
  for (let i = kept.length - 1; i >= 0 && join(kept).length + 1 > limit; i--) {
    const section = kept[i] as Section;
    if (section.optional !== undefined) kept[i] = { text: `_${section.optional} left out: the report would exceed GitHub's comment limit; see gate.json._` };
  }
  let text = `${join(kept)}\n`;
  if (text.length > limit) {
    const note = '\n\n_… report cut at the comment limit; the full result is in gate.json._\n';
    text = text.slice(0, limit - note.length) + note;
  }
  return text;
}

export function renderReport(result: GateResult, diff: Diff | undefined, options: ReportOptions = {}): string {
  const sections: Section[] = [{ text: headline(result) }];
  const baseline = options.baseline !== undefined ? `Baseline: ${neutralize(options.baseline)}.` : undefined;
  const budget = result.spend?.stopped ? `💸 **max-cost-usd stopped the runs:** ${neutralize(result.spend.stopped)}` : undefined;
  for (const text of [linksLine(options), baseline, summaryLine(result), budget, problemsSection(result), datasetSection(result)]) {
    if (text !== undefined) sections.push({ text });
  }
  // Another host or environment is shown near the top: it changes how every time and memory number reads.
  if (!result.host.comparable) sections.push({ text: hostSection(result) });
  const environment = environmentSection(result);
  if (environment && !result.environment.comparable) sections.push({ text: environment });
  if (result.thresholds.length > 0) sections.push({ text: `#### Verdicts\n\n${verdictTable(result)}` });
  const hypotheses = renderHypotheses(result.hypotheses);
  if (hypotheses) sections.push({ text: hypotheses, optional: 'Hypotheses' });
  const parsed = parsedThresholds(result);
  if (parsed) sections.push({ text: parsed, optional: 'Thresholds as parsed' });
  if (diff) {
    sections.push({ text: `#### Stages (time, memory, CPU)\n\n${stageTable(diff)}`, optional: 'Stage table' });
    const chart = stageWallChart(diff);
    if (chart) sections.push({ text: chart, optional: 'Chart' });
    const quality = qualityTable(diff);
    if (quality) sections.push({ text: details('Quality (eval metrics.json)', quality), optional: 'Quality table' });
    const cost = costTable(diff);
    if (cost) sections.push({ text: details('Cost (LLM calls, tokens, USD)', cost), optional: 'Cost table' });
  }
  if (result.host.comparable) sections.push({ text: hostSection(result) });
  if (environment && result.environment.comparable) sections.push({ text: environment, optional: 'Environment table' });
  sections.push({ text: footnotes(result), optional: 'Footnotes' });
  return assemble(sections, Math.min(options.maxLength ?? GITHUB_COMMENT_LIMIT - 1_000, GITHUB_COMMENT_LIMIT));
}
