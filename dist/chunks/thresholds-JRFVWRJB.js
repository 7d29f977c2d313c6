import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  readThresholdFiles,
  thresholdsCommand
} from "./chunk-APUP2S72.js";
import "./chunk-MMFQZGGM.js";
import "./chunk-BCMTAJQ3.js";
import "./chunk-PJV73IV5.js";
import "./chunk-UHNHABYH.js";
import "./chunk-LM6Q56WD.js";
import "./chunk-LDP73T3D.js";
import "./chunk-Y2US2WXL.js";
export {
  readThresholdFiles,
  thresholdsCommand
};
