import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);

// src/compare/grammar/units.ts
var SECONDS = { symbol: "s", dimension: "time", scale: 1 };
var MILLISECONDS = { symbol: "ms", dimension: "time", scale: 1e-3 };
var MIB = { symbol: "MiB", dimension: "memory", scale: 1 };
var GIB = { symbol: "GiB", dimension: "memory", scale: 1024 };
var USD = { symbol: "USD", dimension: "money", scale: 1 };
var CPU_PCT = { symbol: "%", dimension: "cpu", scale: 1 };
var SUFFIX_UNITS = [
  [/(^|_)ms$/, MILLISECONDS],
  [/(^|_)(s|seconds|sec)$/, SECONDS],
  [/(^|_)mb$/, MIB],
  [/(^|_)gb$/, GIB],
  [/(^|_)usd$/, USD],
  [/(^|_)pct$/, CPU_PCT]
];
var INNER_UNITS = [[/(^|_)mb_sampled$/, MIB]];
function metricUnit(metricPath) {
  const segments = metricPath.split(".");
  const last = segments.pop() ?? "";
  if (segments.at(-1) === "wall_seconds_by_stage") return SECONDS;
  return (SUFFIX_UNITS.find(([pattern]) => pattern.test(last)) ?? INNER_UNITS.find(([pattern]) => pattern.test(last)))?.[1];
}
var RULE_UNITS = {
  ms: MILLISECONDS,
  s: SECONDS,
  sec: SECONDS,
  secs: SECONDS,
  seconds: SECONDS,
  min: { symbol: "min", dimension: "time", scale: 60 },
  h: { symbol: "h", dimension: "time", scale: 3600 },
  b: { symbol: "B", dimension: "memory", scale: 1 / (1024 * 1024) },
  kb: { symbol: "KiB", dimension: "memory", scale: 1 / 1024 },
  kib: { symbol: "KiB", dimension: "memory", scale: 1 / 1024 },
  mb: MIB,
  mib: MIB,
  gb: GIB,
  gib: GIB,
  usd: USD,
  $: USD
};
function ruleUnit(written) {
  return RULE_UNITS[written.toLowerCase()];
}
var KNOWN_RULE_UNITS = ["ms", "s", "min", "h", "B", "KB", "MB", "GB", "KiB", "MiB", "GiB", "$", "USD"];
function convertUnit(value, from, to) {
  if (from.dimension !== to.dimension) return void 0;
  return value * from.scale / to.scale;
}
function exactNumber(value) {
  if (!Number.isFinite(value)) return "n/a";
  if (value === 0) return "0";
  const rounded = Number(value.toPrecision(7));
  if (Math.abs(rounded) >= 1e-6 && Math.abs(rounded) < 1e21) {
    const decimals = Math.max(0, 6 - Math.floor(Math.log10(Math.abs(rounded))));
    return rounded.toFixed(Math.min(decimals, 20)).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
  }
  return String(rounded);
}
function formatValue(value, unit) {
  if (!Number.isFinite(value)) return "n/a";
  const text = exactNumber(value);
  if (!unit) return text;
  switch (unit.dimension) {
    case "money":
      return `${value < 0 ? "-" : ""}$${exactNumber(Math.abs(value))}`;
    case "memory":
    case "cpu":
    case "time":
      return `${text} ${unit.symbol}`;
  }
}
function formatSigned(value, unit) {
  if (!Number.isFinite(value)) return "n/a";
  const sign = value > 0 ? "+" : value < 0 ? "-" : "\xB1";
  if (unit?.dimension === "cpu") return `${sign}${exactNumber(Math.abs(value))} pp`;
  return `${sign}${formatValue(Math.abs(value), unit)}`;
}
function formatPercent(value) {
  if (!Number.isFinite(value)) return "n/a";
  return `${value > 0 ? "+" : ""}${value.toFixed(Math.abs(value) >= 10 ? 1 : 2)} %`;
}

// src/formats/measured-run.ts
var METRIC_SOURCES = ["profile", "truth", "eval", "cost"];

export {
  METRIC_SOURCES,
  metricUnit,
  ruleUnit,
  KNOWN_RULE_UNITS,
  convertUnit,
  formatValue,
  formatSigned,
  formatPercent
};
