import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  readThresholdFiles,
  thresholdsCommand
} from "./chunk-SALCIWJP.js";
import "./chunk-KIJCRE4M.js";
import "./chunk-P3WP7E46.js";
import "./chunk-IK35OIXD.js";
import "./chunk-GDUOBU6G.js";
import "./chunk-ME2HNZ3A.js";
import "./chunk-LDP73T3D.js";
import "./chunk-Y2US2WXL.js";
export {
  readThresholdFiles,
  thresholdsCommand
};
