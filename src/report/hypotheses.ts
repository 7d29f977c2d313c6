/**
 * Hypotheses in the report (and, later, the issue's status comment): a pure function of the
 * evaluated results. Claims and levers are the issue author's text: shown escaped, never as markup.
 */
import type { HypothesisResult, HypothesisSideResult, HypothesisVerdict } from '../compare/grammar/hypotheses/evaluate.js';
import { escapeInline, neutralize } from './escape.js';
import { code } from './markdown.js';

const ICON: Record<HypothesisVerdict, string> = { confirmed: '✅', rejected: '❌', undecided: '❔' };

const SIDE_WORD: Record<HypothesisSideResult['side'], string> = { baseline: 'baseline', candidate: 'candidate', measured: 'measured' };

/** Prose from the issue, safe inline (escape.ts: no HTML, links, mentions, references, line breaks), and safe in a table cell. */
export function escapeProse(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|');
}

/** "H1 confirmed: 84.6 % of summed stage wall time (…), needs ≥ 50 %" (with the side when there are several). */
export function hypothesisLine(id: string, side: HypothesisSideResult, withSide = false): string {
  return `${id}${withSide ? ` (${SIDE_WORD[side.side]})` : ''} ${side.verdict}: ${side.reason}`;
}

/** Counts per verdict on one side, for a headline: "baseline: 2 confirmed, 1 undecided". */
export function hypothesisCounts(results: readonly HypothesisResult[], side: HypothesisSideResult['side']): string | undefined {
  const counts = new Map<HypothesisVerdict, number>();
  for (const r of results) {
    const s = r.sides.find((x) => x.side === side);
    if (s) counts.set(s.verdict, (counts.get(s.verdict) ?? 0) + 1);
  }
  if (counts.size === 0) return undefined;
  const order: HypothesisVerdict[] = ['confirmed', 'rejected', 'undecided'];
  return `${SIDE_WORD[side]}: ${order
    .filter((v) => counts.has(v))
    .map((v) => `${counts.get(v)} ${v}`)
    .join(', ')}`;
}

/** The report section: each hypothesis, its check, and its verdict on each side with the numbers. */
export function renderHypotheses(results: readonly HypothesisResult[]): string | undefined {
  if (results.length === 0) return undefined;
  const lines = ['#### Hypotheses', ''];
  for (const h of results) {
    const about = [h.claim ? escapeProse(h.claim) : '', h.lever ? `_lever:_ ${escapeProse(h.lever)}` : ''].filter(Boolean).join(' — ');
    lines.push(`- **${escapeProse(h.id)}**${about ? ` ${about}` : ''}  `, `  ${code(h.check)}`);
    if (h.sides.length === 0) lines.push('  - not evaluated: no measured runs');
    for (const side of h.sides) {
      // Our own sentence, with metric and stage names inside: neutralized, kept readable.
      lines.push(`  - ${SIDE_WORD[side.side]}: ${ICON[side.verdict]} **${side.verdict}**: ${neutralize(side.reason)}`);
      for (const note of side.notes) lines.push(`    <sub>${neutralize(note)}</sub>`);
    }
  }
  const counted = (['baseline', 'candidate', 'measured'] as const).map((s) => hypothesisCounts(results, s)).filter(Boolean);
  lines.push(
    '',
    `<sub>Hypotheses inform; they do not change the decision. ${counted.join(' · ')}. Confirmed or rejected needs every run's data, and with repeats an interval clear of the bound.</sub>`,
  );
  return lines.join('\n');
}
