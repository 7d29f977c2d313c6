import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  readThresholdFiles,
  thresholdsCommand
} from "./chunk-O4C3KWEG.js";
import "./chunk-BOCBGAGE.js";
import "./chunk-S6L6VJAE.js";
import "./chunk-JKRIEYPU.js";
import "./chunk-UHNHABYH.js";
import "./chunk-LM6Q56WD.js";
import "./chunk-LDP73T3D.js";
import "./chunk-Y2US2WXL.js";
export {
  readThresholdFiles,
  thresholdsCommand
};
