import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  code,
  escapeInline,
  neutralize
} from "./chunk-VQL2WWEC.js";

// src/report/hypotheses.ts
var ICON = { confirmed: "\u2705", rejected: "\u274C", undecided: "\u2754" };
var SIDE_WORD = { baseline: "baseline", candidate: "candidate", measured: "measured" };
function escapeProse(text) {
  return escapeInline(text).replace(/\|/g, "\\|");
}
function hypothesisLine(id, side, withSide = false) {
  return `${id}${withSide ? ` (${SIDE_WORD[side.side]})` : ""} ${side.verdict}: ${side.reason}`;
}
function hypothesisCounts(results, side) {
  const counts = /* @__PURE__ */ new Map();
  for (const r of results) {
    const s = r.sides.find((x) => x.side === side);
    if (s) counts.set(s.verdict, (counts.get(s.verdict) ?? 0) + 1);
  }
  if (counts.size === 0) return void 0;
  const order = ["confirmed", "rejected", "undecided"];
  return `${SIDE_WORD[side]}: ${order.filter((v) => counts.has(v)).map((v) => `${counts.get(v)} ${v}`).join(", ")}`;
}
function renderHypotheses(results) {
  if (results.length === 0) return void 0;
  const lines = ["#### Hypotheses", ""];
  for (const h of results) {
    const about = [h.claim ? escapeProse(h.claim) : "", h.lever ? `_lever:_ ${escapeProse(h.lever)}` : ""].filter(Boolean).join(" \u2014 ");
    lines.push(`- **${escapeProse(h.id)}**${about ? ` ${about}` : ""}  `, `  ${code(h.check)}`);
    if (h.sides.length === 0) lines.push("  - not evaluated: no measured runs");
    for (const side of h.sides) {
      lines.push(`  - ${SIDE_WORD[side.side]}: ${ICON[side.verdict]} **${side.verdict}**: ${neutralize(side.reason)}`);
      for (const note of side.notes) lines.push(`    <sub>${neutralize(note)}</sub>`);
    }
  }
  const counted = ["baseline", "candidate", "measured"].map((s) => hypothesisCounts(results, s)).filter(Boolean);
  lines.push(
    "",
    `<sub>Hypotheses inform; they do not change the decision. ${counted.join(" \xB7 ")}. Confirmed or rejected needs every run's data, and with repeats an interval clear of the bound.</sub>`
  );
  return lines.join("\n");
}

export {
  escapeProse,
  hypothesisLine,
  renderHypotheses
};
