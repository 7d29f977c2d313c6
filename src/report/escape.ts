/**
 * Text we did not write — stage and metric names, hostnames, statuses and error messages built from
 * a measured run's files, a pull request, another job's artifact — made inert before it goes into
 * a comment: no HTML, no links or images, no @mentions that notify anyone, no #refs that
 * cross-link issues, no autolinks; in data values also no emphasis, code or block syntax. Pure.
 */

/** Zero-width space: invisible, and it breaks GitHub's mention, reference and autolink patterns. */
const ZWSP = '\u200b';

/**
 * For our own prose with untrusted parts inside (error messages, reasons, notes): keeps its code
 * spans, removes what can act on GitHub — HTML, links and images, mentions, references, autolinks.
 */
export function neutralize(text: string): string {
  return (
    text
      .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
      // Only `<` that can open a tag, comment or autolink: `<= 5 %` in a rule stays as written.
      .replace(/<(?=[A-Za-z/!?])/g, '&lt;')
      // A link or image needs `](` or `][`; a reference definition starts a line with `[`.
      .replace(/\]([([])/g, ']\\$1')
      .replace(/^(\s*)\[/gm, '$1\\[')
      .replace(/@(?=[A-Za-z0-9_-])/g, `@${ZWSP}`)
      .replace(/#(?=\d)/g, `#${ZWSP}`)
      .replace(/\b(GH-)(?=\d)/gi, `$1${ZWSP}`)
      .replace(/:\/\//g, `:${ZWSP}//`)
      .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}${ZWSP}.`)
  );
}

/** One line of a data value: neutralized, and markdown syntax escaped so it shows as typed. */
function escapeLine(line: string): string {
  const text = neutralize(line.replace(/\\/g, '\\\\'))
    .replace(/[`*~]/g, '\\$&')
    // `_` emphasises only at a word boundary; inside snake_case names it is left readable.
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_');
  // Block syntax only counts at the start of a line: headings, quotes, lists, setext underlines.
  return text.replace(/^(\s*)([#>+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** An untrusted data value (possibly several lines) as markdown that shows the same characters. */
export function escapeText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(escapeLine)
    .join('\n');
}

/** The same on one line (table cells, headlines): line breaks become spaces. */
export function escapeInline(text: string): string {
  return escapeLine(text.replace(/[\r\n]+/g, ' '));
}

/**
 * An inline code span that no content can close early: the fence is one backtick longer than the
 * longest run inside. Nothing in a code span is rendered, mentioned or linked.
 */
export function codeSpan(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ');
  let longest = 0;
  for (const run of clean.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  return longest > 0 ? `${fence} ${clean} ${fence}` : `${fence}${clean}${fence}`;
}
