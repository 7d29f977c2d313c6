import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  coreIO
} from "./chunk-JPYQQPIU.js";
import "./chunk-MWOD43PT.js";
import "./chunk-ZVFLWEG4.js";
import "./chunk-Y2US2WXL.js";
export {
  coreIO
};
