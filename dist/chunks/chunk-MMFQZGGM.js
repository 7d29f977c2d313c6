import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  pushAll
} from "./chunk-LM6Q56WD.js";
import {
  UserError
} from "./chunk-LDP73T3D.js";

// src/inputs/cli-args.ts
function parseCliArgs(command, specs, argv) {
  const values = {};
  for (const [name, spec] of Object.entries(specs)) {
    values[name] = spec.type === "list" ? [] : spec.type === "boolean" ? false : spec.default;
  }
  const positionals = [];
  let rest = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === "--") {
      rest = argv.slice(i + 1);
      break;
    }
    if (!word.startsWith("--")) {
      positionals.push(word);
      continue;
    }
    const eq = word.indexOf("=");
    const name = word.slice(2, eq === -1 ? void 0 : eq);
    const spec = specs[name];
    if (!spec) {
      throw new UserError(`${command}: unknown option --${name}`, [
        `known options: ${Object.keys(specs).map((n) => `--${n}`).join(", ")}`
      ]);
    }
    const inline = eq === -1 ? void 0 : word.slice(eq + 1);
    if (spec.type === "boolean") {
      if (inline !== void 0 && inline !== "true" && inline !== "false") {
        throw new UserError(`${command}: --${name} takes no value (or =true / =false), got "${inline}"`);
      }
      values[name] = inline !== "false";
      continue;
    }
    const taken = inline !== void 0 ? [inline] : [];
    if (inline === void 0) {
      while (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
        taken.push(argv[++i]);
        if (spec.type === "string") break;
      }
    }
    if (taken.length === 0) throw new UserError(`${command}: --${name} needs a value (${spec.description})`);
    if (spec.type === "list") pushAll(values[name], taken);
    else values[name] = taken[0];
  }
  return { options: values, positionals, rest };
}
function numberOption(command, name, raw, { min, integer = false } = {}) {
  if (raw === void 0) return void 0;
  const value = Number(raw);
  const wanted = `${integer ? "a whole number" : "a number"}${min !== void 0 ? ` >= ${min}` : ""}`;
  if (raw.trim() === "" || !Number.isFinite(value) || integer && !Number.isInteger(value) || min !== void 0 && value < min) {
    throw new UserError(`${command}: --${name} expects ${wanted}, got "${raw}"`);
  }
  return value;
}
function usage(command, synopsis, specs) {
  const lines = Object.entries(specs).map(([name, spec]) => {
    const arg = spec.type === "boolean" ? "" : spec.type === "list" ? " V\u2026" : " V";
    const def = spec.type === "string" && spec.default !== void 0 ? ` (default ${spec.default})` : "";
    return `  --${name}${arg}`.padEnd(30) + spec.description + def;
  });
  return `usage: optimization-gate ${command} ${synopsis}
${lines.join("\n")}`;
}

export {
  parseCliArgs,
  numberOption,
  usage
};
