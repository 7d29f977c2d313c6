import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);

// src/compare/units.ts
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
var INNER_UNITS = [
  [/(^|_)mb_sampled$/, MIB]
];
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
function significant(value, digits) {
  if (value === 0) return "0";
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, digits - 1 - magnitude);
  return value.toFixed(Math.min(decimals, 6));
}
function formatValue(value, unit) {
  if (!Number.isFinite(value)) return "n/a";
  if (!unit) return Number.isInteger(value) ? String(value) : significant(value, 4);
  switch (unit.dimension) {
    case "money":
      return `${value < 0 ? "-" : ""}$${significant(Math.abs(value), 3)}`;
    case "memory":
      return `${Math.abs(value) >= 100 ? value.toFixed(0) : significant(value, 3)} ${unit.symbol}`;
    case "cpu":
      return `${value.toFixed(1)} %`;
    case "time":
      return `${Math.abs(value) >= 1e3 ? value.toFixed(0) : significant(value, 4)} ${unit.symbol}`;
  }
}
function formatSigned(value, unit) {
  if (!Number.isFinite(value)) return "n/a";
  const text = formatValue(Math.abs(value), unit);
  return `${value > 0 ? "+" : value < 0 ? "-" : "\xB1"}${text}`;
}
function formatPercent(value) {
  if (!Number.isFinite(value)) return "n/a";
  return `${value > 0 ? "+" : ""}${value.toFixed(Math.abs(value) >= 10 ? 1 : 2)} %`;
}

// src/compare/types.ts
var METRIC_SOURCES = ["profile", "truth", "eval", "cost"];

export {
  metricUnit,
  ruleUnit,
  KNOWN_RULE_UNITS,
  convertUnit,
  formatValue,
  formatSigned,
  formatPercent,
  METRIC_SOURCES
};
