import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  context,
  getOctokit
} from "./chunk-ZU6VCO4S.js";
import "./chunk-ZVFLWEG4.js";
import "./chunk-Y2US2WXL.js";
export {
  context,
  getOctokit
};
