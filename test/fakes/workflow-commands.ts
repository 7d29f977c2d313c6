/**
 * Workflow commands in a step's stdout (`::error file=a.ts,line=3::message`, `::group::`,
 * `::add-mask::` …), parsed and unescaped the way the runner reads them, `::stop-commands::`
 * included.
 */

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
  /** 0-based index of the stdout line. */
  line: number;
}

const unescapeData = (value: string): string => value.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
const unescapeProperty = (value: string): string => value.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%25/g, '%');

/** One stdout line as a workflow command, or undefined when it is plain output. */
export function parseCommandLine(text: string, line = 0): WorkflowCommand | undefined {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('::')) return undefined;
  const end = trimmed.indexOf('::', 2);
  if (end < 0) return undefined;
  const head = trimmed.slice(2, end);
  const space = head.indexOf(' ');
  const command = space < 0 ? head : head.slice(0, space);
  if (!/^[A-Za-z][\w-]*$/.test(command)) return undefined;
  const properties: Record<string, string> = {};
  if (space >= 0) {
    for (const pair of head.slice(space + 1).split(',')) {
      const equals = pair.indexOf('=');
      if (equals > 0) properties[pair.slice(0, equals).trim()] = unescapeProperty(pair.slice(equals + 1));
    }
  }
  return { command, properties, message: unescapeData(trimmed.slice(end + 2)), line };
}

export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  let stopToken: string | undefined;
  stdout.split(/\r?\n/).forEach((text, index) => {
    if (stopToken !== undefined) {
      if (text.trim() === `::${stopToken}::`) stopToken = undefined;
      return;
    }
    const parsed = parseCommandLine(text, index);
    if (parsed === undefined) return;
    if (parsed.command === 'stop-commands') stopToken = parsed.message;
    commands.push(parsed);
  });
  return commands;
}

/** The annotations among the commands (`error`, `warning`, `notice`), as a reader of the run sees them. */
export function annotations(commands: readonly WorkflowCommand[]): WorkflowCommand[] {
  return commands.filter((c) => c.command === 'error' || c.command === 'warning' || c.command === 'notice');
}

/** The runner keeps at most this many annotations of each type per step (actions/runner ExecutionContext). */
export const MAX_ANNOTATIONS_PER_TYPE = 10;

/**
 * The annotations a step's check run really shows: the runner adds an issue to the step only while
 * fewer than 10 of its type were added (`_maxCountPerIssueType`); later ones reach the log only.
 */
export function shownAnnotations(list: readonly WorkflowCommand[]): WorkflowCommand[] {
  const counts = new Map<string, number>();
  return list.filter((c) => {
    const n = counts.get(c.command) ?? 0;
    counts.set(c.command, n + 1);
    return n < MAX_ANNOTATIONS_PER_TYPE;
  });
}
