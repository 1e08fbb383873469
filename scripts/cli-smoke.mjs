// Smoke test of the built `kyx` executable: `dist/cli.js --version` is package.json's version; then
// start `dist/cli.js simulate --port 0`, expect its URL, a healthy simulator and a logged request,
// then SIGTERM and exit code 0.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const printed = spawnSync(process.execPath, ['dist/cli.js', '--version'], { encoding: 'utf8' });
if (printed.status !== 0 || printed.stdout.trim() !== version) {
  console.log(
    `cli smoke: FAILED (kyx --version printed "${printed.stdout.trim()}", exit ${printed.status}; package.json says ${version})`,
  );
  process.exit(1);
}

const child = spawn(process.execPath, ['dist/cli.js', 'simulate', '--port', '0'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const lines = [];
const timeout = setTimeout(() => {
  console.error('cli smoke: no URL within 10 s');
  child.kill('SIGKILL');
  process.exit(1);
}, 10_000);
const url = await new Promise((resolve, reject) => {
  child.once('exit', (code) => reject(new Error(`kyx exited early with ${code}`)));
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    const match = /listening on (\S+)/.exec(line);
    if (match) resolve(match[1]);
  });
});
const health = await fetch(`${url}/`, { headers: { 'user-agent': 'kyx-smoke/1' } });
const body = await health.json();
const exited = new Promise((resolve) => child.once('exit', resolve));
child.kill('SIGTERM');
const code = await exited;
clearTimeout(timeout);
const ok =
  health.status === 200 && body.status === 'UP' && code === 0 && lines.some((l) => /^GET \/ 200 \d+ms$/.test(l));
console.log(lines.join('\n'));
console.log(ok ? 'cli smoke: ok' : `cli smoke: FAILED (status ${health.status}, exit ${code})`);
process.exit(ok ? 0 : 1);
