import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  context,
  getOctokit
} from "./chunk-ZQ6IIBGT.js";
import "./chunk-WG2EY777.js";
import "./chunk-Y2US2WXL.js";
export {
  context,
  getOctokit
};
