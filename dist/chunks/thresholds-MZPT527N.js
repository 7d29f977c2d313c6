import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  readThresholdFiles,
  thresholdsCommand
} from "./chunk-55KAQGPD.js";
import "./chunk-KIJCRE4M.js";
import "./chunk-5R5GJYFL.js";
import "./chunk-LE6YRU4A.js";
import "./chunk-UHNHABYH.js";
import "./chunk-ME2HNZ3A.js";
import "./chunk-LDP73T3D.js";
import "./chunk-Y2US2WXL.js";
export {
  readThresholdFiles,
  thresholdsCommand
};
