/**
 * The report's comparability sections: the dataset identity of both sides (a mismatch refuses the
 * comparison) and the side-by-side table of environment differences. Pure.
 */
import type { GateResult } from '../compare/verdicts/gate.js';
import { neutralize } from './escape.js';
import { code, table } from './markdown.js';

const values = (list: readonly string[]): string => (list.length === 0 ? '—' : list.map(code).join(', '));

/** Shown only when the datasets differ: the comparison was refused, and this says on what. */
export function datasetSection(result: GateResult): string | undefined {
  if (result.dataset.comparable) return undefined;
  const rows = result.dataset.rows.map((r) => [r.field, values(r.baseline), values(r.candidate), r.mismatch ? '❌ differs' : '✅ same']);
  return [
    '#### ❌ Dataset mismatch: comparison refused',
    '',
    'The two sides were not measured on the same data, so no threshold was judged.',
    '',
    table(['Identity', 'Baseline', 'Candidate', ''], rows),
    '',
    // The reasons quote dataset ids and reference names from the measured runs' files.
    ...result.dataset.mismatches.map((m) => `- ${neutralize(m)}`),
  ].join('\n');
}

/** Every environment attribute that differs, side by side; blocking ones first in the heading. */
export function environmentSection(result: GateResult): string | undefined {
  const { rows, blocking } = result.environment;
  if (rows.length === 0) return undefined;
  const effect = (r: (typeof rows)[number]): string => {
    if (r.accepted) return `accepted (\`compare-across\`): ${neutralize(r.note)}`;
    if (r.affects) return `⚠️ ${neutralize(r.note)}: time/memory inconclusive`;
    return neutralize(r.note);
  };
  const heading =
    blocking.length > 0 ? `#### ⚠️ Environment differs: time and memory verdicts are inconclusive (${blocking.map((r) => code(r.attribute)).join(', ')})` : '#### Environment differences';
  const lines = [
    heading,
    '',
    table(
      ['Attribute', 'Baseline', 'Candidate', 'Effect'],
      rows.map((r) => [code(r.attribute), values(r.baseline), values(r.candidate), effect(r)]),
      {
        maxRows: 40,
        moreAt: 'gate.json',
      },
    ),
  ];
  if (blocking.length > 0) {
    lines.push(
      '',
      'Quality and cost verdicts still count. If a difference is the point of the experiment, name it on the issue, e.g. ' + `${code(`compare-across: [${blocking[0]?.attribute ?? 'device'}]`)}.`,
    );
  }
  return lines.join('\n');
}
