/**
 * What the runner will show of a step, and how the report is made to fit (pure functions):
 * - the job summary is dropped whole when over 1 MiB (actions/runner FileCommandManager
 *   AttachmentSizeLimit): cut it at a line, close an open code block, say where the rest is;
 * - a step keeps at most 10 annotations of each type (ExecutionContext `_maxCountPerIssueType`) and
 *   4096 characters of each message: many failing thresholds become one annotation listing them,
 *   so the decision's own error (core.setFailed) is never the one dropped.
 */

export const MAX_SUMMARY_BYTES = 1024 * 1024;
export const MAX_ANNOTATIONS_PER_TYPE = 10;
export const MAX_ANNOTATION_CHARS = 4096;

const SUMMARY_TAIL = '\n\n_… report cut to fit the job summary (1 MiB at most); the full report is `report.md` in the artifact._\n';

/** `markdown` cut to at most `maxBytes` UTF-8 bytes, at a line boundary, with a note. */
export function fitSummary(markdown: string, maxBytes = MAX_SUMMARY_BYTES): string {
  if (Buffer.byteLength(markdown) <= maxBytes) return markdown;
  const budget = maxBytes - Buffer.byteLength(SUMMARY_TAIL) - Buffer.byteLength('\n```\n');
  // Characters are at most 4 bytes: start from a safe length and grow to the budget.
  let end = Math.min(markdown.length, Math.floor(budget / 4));
  let bytes = Buffer.byteLength(markdown.slice(0, end));
  for (const line of markdown.slice(end).split(/(?<=\n)/)) {
    const size = Buffer.byteLength(line);
    if (bytes + size > budget) break;
    bytes += size;
    end += line.length;
  }
  let head = markdown.slice(0, end);
  const cut = head.lastIndexOf('\n');
  if (cut > 0) head = head.slice(0, cut + 1);
  // An odd number of fence lines means the cut fell inside a code block (a mermaid chart …).
  const fences = head.split('\n').filter((l) => /^\s*```/.test(l)).length;
  if (fences % 2 === 1) head += '```\n';
  return head + SUMMARY_TAIL;
}

export interface Annotation {
  title: string;
  message: string;
}

function cutMessage(message: string): string {
  return message.length <= MAX_ANNOTATION_CHARS ? message : `${message.slice(0, MAX_ANNOTATION_CHARS - 40)}\n… (cut; the report has the rest)`;
}

/**
 * At most `budget` annotations: as they are when they fit, else one that lists them all (the
 * list is cut at the message limit, saying how many more the report holds).
 */
export function fitAnnotations(list: readonly Annotation[], budget: number, summaryTitle: string): Annotation[] {
  if (list.length <= budget) return list.map((a) => ({ title: a.title, message: cutMessage(a.message) }));
  const lines = list.map((a) => `- ${a.title.replace(/^optimization-gate: /, '')}: ${a.message.replace(/\s*\n\s*/g, ' ')}`);
  let message = '';
  let shown = 0;
  for (const line of lines) {
    const more = `\n… and ${lines.length - shown - 1} more in the report`;
    if (message.length + line.length + 1 + more.length > MAX_ANNOTATION_CHARS) {
      message += `\n… and ${lines.length - shown} more in the report`;
      break;
    }
    message += `${message === '' ? '' : '\n'}${line}`;
    shown += 1;
  }
  return [{ title: `${summaryTitle} (${list.length})`, message }];
}
