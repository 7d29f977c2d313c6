/**
 * Command-line parsing shared by every CLI command. Beyond node:util's parseArgs it accepts a
 * list after one flag (`--baseline a.yaml b.yaml`) as well as the flag repeated, and keeps
 * everything after `--` untouched (the command to measure).
 */
import { UserError } from '../errors.js';
import { pushAll } from '../collections.js';

export type OptionSpec = { type: 'string'; default?: string; description: string } | { type: 'list'; description: string } | { type: 'boolean'; description: string };

export type OptionSpecs = Record<string, OptionSpec>;

export type ParsedOptions<S extends OptionSpecs> = {
  [K in keyof S]: S[K] extends { type: 'list' } ? string[] : S[K] extends { type: 'boolean' } ? boolean : S[K] extends { type: 'string'; default: string } ? string : string | undefined;
};

export interface ParsedArgs<S extends OptionSpecs> {
  options: ParsedOptions<S>;
  positionals: string[];
  /** Words after `--`. */
  rest: string[];
}

export function parseCliArgs<S extends OptionSpecs>(command: string, specs: S, argv: readonly string[]): ParsedArgs<S> {
  const values: Record<string, string | string[] | boolean | undefined> = {};
  for (const [name, spec] of Object.entries(specs)) {
    values[name] = spec.type === 'list' ? [] : spec.type === 'boolean' ? false : spec.default;
  }
  const positionals: string[] = [];
  let rest: string[] = [];

  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    if (word === '--') {
      rest = argv.slice(i + 1);
      break;
    }
    if (!word.startsWith('--')) {
      positionals.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const name = word.slice(2, eq === -1 ? undefined : eq);
    const spec = specs[name];
    if (!spec) {
      throw new UserError(`${command}: unknown option --${name}`, [
        `known options: ${Object.keys(specs)
          .map((n) => `--${n}`)
          .join(', ')}`,
      ]);
    }
    const inline = eq === -1 ? undefined : word.slice(eq + 1);
    if (spec.type === 'boolean') {
      if (inline !== undefined && inline !== 'true' && inline !== 'false') {
        throw new UserError(`${command}: --${name} takes no value (or =true / =false), got "${inline}"`);
      }
      values[name] = inline !== 'false';
      continue;
    }
    const taken: string[] = inline !== undefined ? [inline] : [];
    if (inline === undefined) {
      // A list flag takes every following word up to the next flag; a string flag takes one.
      while (i + 1 < argv.length && !(argv[i + 1] as string).startsWith('--')) {
        taken.push(argv[++i] as string);
        if (spec.type === 'string') break;
      }
    }
    if (taken.length === 0) throw new UserError(`${command}: --${name} needs a value (${spec.description})`);
    if (spec.type === 'list') pushAll(values[name] as string[], taken);
    else values[name] = taken[0];
  }
  return { options: values as ParsedOptions<S>, positionals, rest };
}

/** A number option: names the flag and what was expected when the value does not fit. */
export function numberOption(command: string, name: string, raw: string | undefined, { min, integer = false }: { min?: number; integer?: boolean } = {}): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  const wanted = `${integer ? 'a whole number' : 'a number'}${min !== undefined ? ` >= ${min}` : ''}`;
  if (raw.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value)) || (min !== undefined && value < min)) {
    throw new UserError(`${command}: --${name} expects ${wanted}, got "${raw}"`);
  }
  return value;
}

export function usage(command: string, synopsis: string, specs: OptionSpecs): string {
  const lines = Object.entries(specs).map(([name, spec]) => {
    const arg = spec.type === 'boolean' ? '' : spec.type === 'list' ? ' V…' : ' V';
    const def = spec.type === 'string' && spec.default !== undefined ? ` (default ${spec.default})` : '';
    return `  --${name}${arg}`.padEnd(30) + spec.description + def;
  });
  return `usage: optimization-gate ${command} ${synopsis}\n${lines.join('\n')}`;
}
