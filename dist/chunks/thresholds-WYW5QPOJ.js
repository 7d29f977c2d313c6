import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  readThresholdFiles,
  thresholdsCommand
} from "./chunk-YL2KV6HX.js";
import "./chunk-MMFQZGGM.js";
import "./chunk-742Z77HY.js";
import "./chunk-IVBWKPMQ.js";
import "./chunk-UHNHABYH.js";
import "./chunk-LM6Q56WD.js";
import "./chunk-LDP73T3D.js";
import "./chunk-Y2US2WXL.js";
export {
  readThresholdFiles,
  thresholdsCommand
};
