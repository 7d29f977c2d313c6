import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  readThresholdFiles,
  thresholdsCommand
} from "./chunk-QUX7J2BT.js";
import "./chunk-MVBY6C33.js";
import "./chunk-6BG5IO52.js";
import "./chunk-7NLXKG3F.js";
import "./chunk-ME2HNZ3A.js";
import "./chunk-WUNXELDA.js";
import "./chunk-LTK4X4J5.js";
import "./chunk-Y2US2WXL.js";
export {
  readThresholdFiles,
  thresholdsCommand
};
