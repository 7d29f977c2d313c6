/**
 * Thresholds from an issue body (```optimization-gate block and/or `Metric | Rule` tables) and from
 * the action's `thresholds` input. Pure: text in, data out. User mistakes never throw; each becomes a
 * located problem, and a spec with problems must never lead to a passing gate.
 */
import { parseBlockYaml, type BlockContent } from './block.js';
import { buildThreshold, problemAt, type Draft } from './draft.js';
import { scanMarkdown, splitLines, type FencedBlock, type SourceLine } from './markdown.js';
import { readTables } from './table.js';
import { buildHypotheses, readHypothesisTables, type HypothesisDraft } from '../hypotheses/read.js';
import type { Threshold, ThresholdProblem, ThresholdSpec } from './types.js';
import { pushAll } from '../../../collections.js';

export const BLOCK_INFO = 'optimization-gate';

/** What to tell a user whose issue has no thresholds at all. */
export const ACCEPTED_FORMS =
  'no thresholds found: write them on the issue as a fenced ```optimization-gate block ' +
  '(`thresholds:` mapping metric → rule, e.g. `profile.totals.wall_time_s: "<= -20%"`) ' +
  'or as a markdown table with `Metric` and `Rule` columns (optional `Kind`, `Optional`)';

// Near misses of the info string (case, `_`, a second word) would otherwise be ignored silently.
const NEAR_INFO = /^optimi[sz]ation[\s_-]*gate\b/i;

function fenceLine(block: FencedBlock): { line: number; text: string } {
  return { line: block.line, text: block.fenceText };
}

/**
 * One block per issue is the rule; extra blocks are a problem, but their content is still checked so
 * that every mistake is reported in one go. `baseline`/`repeat` come from the first block giving them.
 */
function readBlocks(fences: readonly FencedBlock[], problems: ThresholdProblem[]): BlockContent | undefined {
  for (const fence of fences) {
    if (fence.info !== BLOCK_INFO && NEAR_INFO.test(fence.info)) {
      problems.push(problemAt(fenceLine(fence), `the info string exactly \`${BLOCK_INFO}\` after the fence`, 'block'));
    }
  }
  const blocks = fences.filter((f) => f.info === BLOCK_INFO);
  if (blocks.length === 0) return undefined;
  const first = blocks[0]!;
  const merged: BlockContent = { drafts: [], hypotheses: [], problems: [] };
  for (const block of blocks) {
    if (block !== first) {
      const expected = `a single \`${BLOCK_INFO}\` block per issue (the first is at line ${first.line}); merge them`;
      problems.push(problemAt(fenceLine(block), expected, 'block'));
    }
    if (!block.closed) {
      // Unclosed, it runs to the end of the issue: reading the prose after it as YAML would only add noise.
      problems.push(problemAt(fenceLine(block), 'a closing fence (``` or ~~~, as opened) after the block', 'block'));
      continue;
    }
    const content = parseBlockYaml(block.content, 'block', { raw: undefined, ...fenceLine(block) });
    pushAll(merged.drafts, content.drafts);
    pushAll(merged.hypotheses, content.hypotheses);
    pushAll(merged.problems, content.problems);
    merged.baseline ??= content.baseline;
    merged.baselineEval ??= content.baselineEval;
    merged.repeat ??= content.repeat;
    if (content.compareAcross) merged.compareAcross = [...(merged.compareAcross ?? []), ...content.compareAcross];
    merged.maxCostUsd ??= content.maxCostUsd;
  }
  return merged;
}

function ruleKey(t: Threshold): string {
  return `${t.rule.op} ${t.rule.form} ${t.rule.value}`;
}

/**
 * Same metric with the same rule twice in one form; a metric written in both the block and a table.
 * Several different rules on one metric in one form are allowed (a range, or a relative and an absolute bound).
 */
function findDuplicates(thresholds: readonly Threshold[], problems: ThresholdProblem[], source: (t: Threshold) => SourceLine): void {
  const firstByRule = new Map<string, Threshold>();
  const firstByOrigin = new Map<string, Threshold>();
  for (const t of thresholds) {
    const sameRule = firstByRule.get(`${t.origin} ${t.metric} ${ruleKey(t)}`);
    if (sameRule) {
      problems.push(problemAt(source(t), `\`${t.metric}\` with rule \`${t.rule.text}\` only once (also at line ${sameRule.line})`, t.origin));
    } else {
      firstByRule.set(`${t.origin} ${t.metric} ${ruleKey(t)}`, t);
    }
    const other = firstByOrigin.get(`${t.origin === 'block' ? 'table' : 'block'} ${t.metric}`);
    if (other && t.origin !== 'input') {
      problems.push(problemAt(source(t), `each metric in one form only: \`${t.metric}\` is also in the ${other.origin === 'block' ? 'block' : 'table'} at line ${other.line}`, t.origin));
    }
    if (!firstByOrigin.has(`${t.origin} ${t.metric}`)) firstByOrigin.set(`${t.origin} ${t.metric}`, t);
  }
}

function assemble(content: BlockContent | undefined, drafts: Draft[], problems: ThresholdProblem[], lines: readonly string[], hypothesisDrafts: HypothesisDraft[] = []): ThresholdSpec {
  pushAll(problems, content?.problems ?? []);
  const thresholds: Threshold[] = [];
  for (const draft of [...(content?.drafts ?? []), ...drafts]) {
    const threshold = buildThreshold(draft, problems);
    if (threshold) thresholds.push(threshold);
  }
  findDuplicates(thresholds, problems, (t) => ({ line: t.line, text: (lines[t.line - 1] ?? '').trim() }));
  const hypotheses = buildHypotheses([...(content?.hypotheses ?? []), ...hypothesisDrafts], problems);
  problems.sort((a, b) => a.line - b.line);
  const spec: ThresholdSpec = { thresholds, problems };
  if (hypotheses.length > 0) spec.hypotheses = hypotheses;
  if (content?.baseline !== undefined) spec.baseline = content.baseline;
  if (content?.baselineEval !== undefined) spec.baselineEval = content.baselineEval;
  if (content?.repeat !== undefined) spec.repeat = content.repeat;
  if (content?.compareAcross !== undefined) spec.compareAcross = content.compareAcross;
  if (content?.maxCostUsd !== undefined) spec.maxCostUsd = content.maxCostUsd;
  return spec;
}

/** Thresholds written on an issue: the ```optimization-gate block and any `Metric | Rule` tables. */
export function parseIssueThresholds(body: string): ThresholdSpec {
  const scan = scanMarkdown(body);
  const problems: ThresholdProblem[] = [];
  const content = readBlocks(scan.fences, problems);
  const drafts = readTables(scan.tables, problems);
  const hypotheses = readHypothesisTables(scan.tables, problems);
  return assemble(content, drafts, problems, splitLines(body), hypotheses);
}

/**
 * The action's `thresholds` input: the block's YAML without the fence (a pasted fenced block is
 * accepted too). Lines are lines of the input; an empty input is an empty spec.
 */
export function parseInlineThresholds(text: string): ThresholdSpec {
  const lines = splitLines(text);
  if (text.trim() === '') return { thresholds: [], problems: [] };
  const problems: ThresholdProblem[] = [];
  let yamlLines: SourceLine[] = lines.map((t, i) => ({ line: i + 1, text: t }));
  const firstLine = yamlLines.find((l) => l.text.trim() !== '')!;
  const fenced = scanMarkdown(text).fences[0];
  if (fenced && fenced.line === firstLine.line) {
    if (fenced.info !== BLOCK_INFO || !fenced.closed) {
      const expected = fenced.closed ? `YAML without a fence (or an \`${BLOCK_INFO}\` block)` : 'a closing fence after the block';
      problems.push(problemAt(fenceLine(fenced), expected, 'input'));
      return { thresholds: [], problems };
    }
    yamlLines = fenced.content;
  }
  const content = parseBlockYaml(yamlLines, 'input', { raw: undefined, line: firstLine.line, text: firstLine.text.trim() });
  return assemble(content, [], problems, lines);
}

/**
 * The issue's thresholds with the action input on top: an input entry replaces every issue entry
 * for the same metric (an input hypothesis, the issue's with its id), the input's `baseline`/`repeat`
 * win (a baseline named by the input brings its own eval directory, or none), `compare-across` names
 * of both apply, and the problems of both are kept.
 */
export function mergeThresholds(issue: ThresholdSpec, inline: ThresholdSpec): ThresholdSpec {
  const replaced = new Set(inline.thresholds.map((t) => t.metric));
  const merged: ThresholdSpec = {
    thresholds: [...issue.thresholds.filter((t) => !replaced.has(t.metric)), ...inline.thresholds],
    problems: [...issue.problems, ...inline.problems],
  };
  const replacedHypotheses = new Set((inline.hypotheses ?? []).map((h) => h.id));
  const hypotheses = [...(issue.hypotheses ?? []).filter((h) => !replacedHypotheses.has(h.id)), ...(inline.hypotheses ?? [])];
  if (hypotheses.length > 0) merged.hypotheses = hypotheses;
  const named = inline.baseline !== undefined || inline.baselineEval !== undefined ? inline : issue;
  const repeat = inline.repeat ?? issue.repeat;
  const across = [...new Set([...(issue.compareAcross ?? []), ...(inline.compareAcross ?? [])])];
  if (named.baseline !== undefined) merged.baseline = named.baseline;
  if (named.baselineEval !== undefined) merged.baselineEval = named.baselineEval;
  if (repeat !== undefined) merged.repeat = repeat;
  if (across.length > 0) merged.compareAcross = across;
  const maxCostUsd = inline.maxCostUsd ?? issue.maxCostUsd;
  if (maxCostUsd !== undefined) merged.maxCostUsd = maxCostUsd;
  return merged;
}
