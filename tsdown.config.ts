import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    simulator: 'src/simulator/index.ts',
    redis: 'src/redis/index.ts',
    schemas: 'src/schemas.ts',
    cli: 'src/cli/bin.ts',
  },
  format: ['esm'],
  // One output file per source module, so bundlers drop whole unused modules (sideEffects: false).
  unbundle: true,
  dts: true,
  sourcemap: true,
  clean: true,
  platform: 'neutral',
  // Node built-ins are only used by the server and the CLI; they stay imports.
  deps: { neverBundle: [/^node:/] },
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
});
