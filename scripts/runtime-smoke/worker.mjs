// The runtime smoke as a Cloudflare Worker (bundled with esbuild as wrangler would, run by workerd):
// its fetch handler builds the request and runs the whole flow against the in-process
// simulator's fetch, answering with the checks as JSON. `workerd test` calls the test handler,
// which sends a request to this Worker through its service binding (SELF) and prints the checks.
import { flow, report } from './flow.mjs';

export default {
  async fetch() {
    return Response.json(await flow());
  },
  async test(_controller, env) {
    const response = await env.SELF.fetch('http://smoke.test/');
    const { text, ok } = report(`workerd (${navigator.userAgent})`, await response.json());
    console.log(text);
    if (!ok) throw new Error('runtime smoke failed on workerd');
  },
};
