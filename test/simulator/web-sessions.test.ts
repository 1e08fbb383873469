import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { account, WORKFLOW_CATALOG } from '../../src/index.js';
import { createEngine } from '../../src/simulator/engine.js';
import type { SimulatorEnv } from '../../src/simulator/env.js';
import { registerWebJourney } from '../../src/simulator/web-journey.js';

// The web journey maps each authorizationToken to its execution. Accounts created and deleted
// for days must not grow that map without bound: the tokens of deleted executions are forgotten.
describe('web journey sessions', () => {
  it('forgets the tokens of deleted executions and keeps those of live ones', () => {
    const engine = createEngine({ now: () => Date.parse('2026-12-01T00:00:00Z'), rateLimits: false });
    const web = registerWebJourney(new Hono<SimulatorEnv>(), engine);
    const spec = WORKFLOW_CATALOG.find((w) => w.key === 10013);
    if (!spec) throw new Error('workflow 10013 is in the catalog');
    const request = account().ref('web-1').workflow(10013).build();
    const open = () => {
      const created = engine.createAccount();
      return engine.createExecution(created.id, request, spec, 'https://jumio.test', []);
    };
    const live = open();
    web.token(live);
    for (let i = 0; i < 1_000; i += 1) {
      const execution = open();
      web.token(execution);
      engine.deleteExecution(execution);
    }
    expect(web.sessionCount()).toBeLessThan(100);
    expect(engine.execution(live.id)).toBeDefined();
    // tokens of a live execution are never forgotten: 201 of them are all held (prunes ran meanwhile)
    for (let i = 0; i < 200; i += 1) web.token(live);
    expect(web.sessionCount()).toBeGreaterThanOrEqual(201);
  });
});
