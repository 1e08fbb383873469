#!/usr/bin/env node
import process from 'node:process';
import { readBounded } from './io.js';
import { main } from './main.js';

// The `kyx` executable: the only module with side effects, and only when run as a program.
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
const code = await main(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  signal: controller.signal,
  readStdin: (maxBytes) => readBounded(process.stdin, maxBytes), // leaving the loop early stops reading
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
});
process.exitCode = code;
