import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  readThresholdFiles,
  thresholdsCommand
} from "./chunk-JAMXUP74.js";
import "./chunk-Q4TL35RG.js";
import "./chunk-7NLXKG3F.js";
import "./chunk-4TVUWWSR.js";
import "./chunk-ME2HNZ3A.js";
import "./chunk-5RUIWPFP.js";
import "./chunk-PU5J7YTG.js";
export {
  readThresholdFiles,
  thresholdsCommand
};
