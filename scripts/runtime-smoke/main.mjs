// Entry of the runtime smoke for Node.js, Bun and Deno: runs the flow and prints its checks.
import { flow, report } from './flow.mjs';

const runtime =
  typeof globalThis.Bun !== 'undefined'
    ? `bun ${globalThis.Bun.version}`
    : typeof globalThis.Deno !== 'undefined'
      ? `deno ${globalThis.Deno.version.deno}`
      : `node ${globalThis.process.versions.node}`;
const { text, ok } = report(runtime, await flow());
console.log(text);
if (!ok) globalThis.process.exitCode = 1;
