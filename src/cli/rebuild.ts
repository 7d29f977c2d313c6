/**
 * `optimization-gate rebuild --samples FILE --output PROFILE.yaml`: the profile + stage_truth of a run
 * rebuilt from its samples file (what the post step does after a cancelled job), optionally with
 * another stage source. Exit codes: 0 rebuilt (whatever the run's own status; it is in the profile),
 * 2 bad input.
 */
import { existsSync } from 'node:fs';
import { UserError } from '../errors.js';
import { parseCliArgs, usage, type OptionSpecs } from '../inputs/cli-args.js';
import { rebuildFromSamples } from '../measure/rebuild.js';
import { parseStageSource } from '../measure/stages/source.js';
import type { CliCommand } from './command.js';
import { profileSummary, truthWarnings } from './profile-summary.js';

const NAME = 'rebuild';
const SPECS = {
  samples: { type: 'string', description: "the run's <stem>.samples.jsonl (written by the freeze as it samples)" },
  output: { type: 'string', description: 'profile path to write (.yaml); the stage_truth is written beside it' },
  stages: { type: 'string', description: "events | status-file[:PATH] | metrics:PATH | none | auto (default: the run's own)" },
  events: { type: 'string', description: 'stage events file (default: the one the samples header names, else the same name beside the samples)' },
  help: { type: 'boolean', description: 'show this help' },
} satisfies OptionSpecs;
const SYNOPSIS = '--samples FILE --output PROFILE.yaml [--stages SOURCE] [--events FILE]';

export const rebuildCommand: CliCommand = {
  run(argv) {
    const { options, positionals, rest } = parseCliArgs(NAME, SPECS, argv);
    if (options.help) {
      console.log(usage(NAME, SYNOPSIS, SPECS));
      return Promise.resolve(0);
    }
    const unexpected = positionals[0] ?? rest[0];
    if (unexpected !== undefined) throw new UserError(`${NAME}: unexpected "${unexpected}" (every value goes with its option)`, [usage(NAME, SYNOPSIS, SPECS)]);
    if (options.samples === undefined) throw new UserError(`${NAME}: --samples is required`, [usage(NAME, SYNOPSIS, SPECS)]);
    if (options.output === undefined) throw new UserError(`${NAME}: --output is required`, [usage(NAME, SYNOPSIS, SPECS)]);
    if (!/\.ya?ml$/i.test(options.output)) throw new UserError(`${NAME}: --output expects a path ending in .yaml or .yml, got "${options.output}"`);
    if (options.events !== undefined && !existsSync(options.events)) throw new UserError(`${NAME}: --events: file not found: ${options.events}`);
    const stageSource = options.stages !== undefined ? parseStageSource(options.stages) : undefined;
    const result = rebuildFromSamples(options.samples, {
      output: options.output,
      ...(stageSource ? { stageSource } : {}),
      ...(options.events !== undefined ? { eventsPath: options.events } : {}),
    });
    for (const line of profileSummary([result.profilePath, result.stageTruthPath], options.output, result.profile)) console.error(line);
    for (const warning of truthWarnings(result.truth)) console.error(`warning: ${warning}`);
    console.error(`optimization-gate ${NAME}: status ${result.profile.status ?? 'ok'}${result.finished ? '' : ' (the samples end before the run did)'}`);
    return Promise.resolve(0);
  },
};
