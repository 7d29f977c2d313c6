/** `optimization-gate diff BASE CAND`: every stage, total, quality and cost number of two runs, side by side. */
import { diffSides } from '../compare/verdicts/diff.js';
import { UserError } from '../errors.js';
import { parseCliArgs, usage } from '../inputs/cli-args.js';
import { DIFF_FORMATS, renderDiff, type DiffFormat } from '../report/diff-format.js';
import type { CliCommand } from './command.js';
import { loadSideFromFlags } from './sides.js';

const NAME = 'diff';
const SYNOPSIS = 'BASE.yaml CAND.yaml [options]';
const OPTIONS = {
  format: { type: 'string', default: 'text', description: `output format: ${DIFF_FORMATS.join(' | ')}` },
  'eval-baseline': { type: 'string', description: "directory of the baseline's metrics.json / eval_pipeline_metrics.json" },
  'eval-candidate': { type: 'string', description: "directory of the candidate's eval outputs" },
  help: { type: 'boolean', description: 'show this help' },
} as const;

function isFormat(value: string): value is DiffFormat {
  return (DIFF_FORMATS as readonly string[]).includes(value);
}

export const diffCommand: CliCommand = {
  run(args) {
    const { options, positionals } = parseCliArgs(NAME, OPTIONS, args);
    if (options.help) {
      console.log(usage(NAME, SYNOPSIS, OPTIONS));
      return Promise.resolve(0);
    }
    if (positionals.length !== 2) {
      throw new UserError(`expected two profile YAMLs (BASE CAND), got ${positionals.length}; see \`optimization-gate ${NAME} --help\``);
    }
    if (!isFormat(options.format)) throw new UserError(`--format expects ${DIFF_FORMATS.join(', ')}, got "${options.format}"`);
    const [base, cand] = positionals as [string, string];
    const evalBase = options['eval-baseline'];
    const evalCand = options['eval-candidate'];
    const baseline = loadSideFromFlags('baseline', [base], evalBase !== undefined ? [evalBase] : [], { profiles: 'BASE', evalDirs: 'eval-baseline' });
    const candidate = loadSideFromFlags('candidate', [cand], evalCand !== undefined ? [evalCand] : [], { profiles: 'CAND', evalDirs: 'eval-candidate' });
    process.stdout.write(renderDiff(diffSides(baseline, candidate), options.format));
    return Promise.resolve(0);
  },
};
