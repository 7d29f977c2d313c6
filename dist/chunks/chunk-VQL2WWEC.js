import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);

// src/report/escape.ts
var ZWSP = "\u200B";
function neutralize(text) {
  return text.replace(/&(?=#?[a-z0-9]+;)/gi, "&amp;").replace(/<(?=[A-Za-z/!?])/g, "&lt;").replace(/\]([([])/g, "]\\$1").replace(/^(\s*)\[/gm, "$1\\[").replace(/@(?=[A-Za-z0-9_-])/g, `@${ZWSP}`).replace(/#(?=\d)/g, `#${ZWSP}`).replace(/\b(GH-)(?=\d)/gi, `$1${ZWSP}`).replace(/:\/\//g, `:${ZWSP}//`).replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}${ZWSP}.`);
}
function escapeLine(line) {
  const text = neutralize(line.replace(/\\/g, "\\\\")).replace(/[`*~]/g, "\\$&").replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, "\\_");
  return text.replace(/^(\s*)([#>+=-])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2");
}
function escapeInline(text) {
  return escapeLine(text.replace(/[\r\n]+/g, " "));
}
function codeSpan(text) {
  const clean = text.replace(/[\r\n]+/g, " ");
  let longest = 0;
  for (const run of clean.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = "`".repeat(longest + 1);
  return longest > 0 ? `${fence} ${clean} ${fence}` : `${fence}${clean}${fence}`;
}

// src/report/markdown.ts
function cell(text) {
  return text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}
function code(text) {
  return codeSpan(text);
}
function table(header, rows, options = {}) {
  const align = header.map((_, i) => options.align?.[i] === "r" ? "---:" : "---");
  const shown = options.maxRows !== void 0 ? rows.slice(0, options.maxRows) : rows;
  const lines = [`| ${header.map(cell).join(" | ")} |`, `|${align.join("|")}|`, ...shown.map((r) => `| ${r.map(cell).join(" | ")} |`)];
  const cut = rows.length - shown.length;
  if (cut > 0) lines.push("", `_\u2026 ${cut} more row${cut === 1 ? "" : "s"} not shown${options.moreAt ? ` (see ${options.moreAt})` : ""}._`);
  return lines.join("\n");
}
function details(summary, body, open = false) {
  return `<details${open ? " open" : ""}><summary>${summary}</summary>

${body}

</details>`;
}

export {
  neutralize,
  escapeInline,
  codeSpan,
  code,
  table,
  details
};
