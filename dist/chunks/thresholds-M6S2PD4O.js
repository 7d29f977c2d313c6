import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  readThresholdFiles,
  thresholdsCommand
} from "./chunk-KFXNO4EI.js";
import "./chunk-KIJCRE4M.js";
import "./chunk-U6S3D5DU.js";
import "./chunk-JKRIEYPU.js";
import "./chunk-UHNHABYH.js";
import "./chunk-ME2HNZ3A.js";
import "./chunk-LDP73T3D.js";
import "./chunk-Y2US2WXL.js";
export {
  readThresholdFiles,
  thresholdsCommand
};
