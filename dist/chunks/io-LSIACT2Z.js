import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  coreIO
} from "./chunk-VPN5D5OB.js";
import "./chunk-24VFJIEI.js";
import "./chunk-WG2EY777.js";
import "./chunk-Y2US2WXL.js";
export {
  coreIO
};
