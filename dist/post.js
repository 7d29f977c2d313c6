import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import "./chunks/chunk-LI5ODPXF.js";

// src/action/post.ts
async function runPost() {
  await Promise.resolve();
}

// src/post.ts
await runPost();
