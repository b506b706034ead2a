import { defineConfig } from 'tsdown';

// The CLI and the library as JavaScript in dist/ (the desktop app and the UI are electron-vite's, in out/).
// Dependencies stay external; each dynamically imported command module becomes a chunk of its own.
export default defineConfig([
  {
    entry: { cli: 'main/cli.ts', index: 'main/index.ts' },
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    dts: true,
    outDir: 'dist',
    clean: true,
  },
  {
    // `require('smsim')` (jest's default): the library once more, as CommonJS. Jest's module system cannot
    // require an ES module nor run import() without a flag, so the ESM-only lowdb (and its steno) are bundled
    // in, and the other dependencies' dynamic imports become require() calls.
    entry: { index: 'main/index.ts' },
    format: 'cjs',
    deps: { alwaysBundle: ['lowdb', 'steno'] },
    outputOptions: { dynamicImportInCjs: false },
    platform: 'node',
    target: 'node20.19',
    dts: true,
    shims: true,
    outDir: 'dist',
    clean: false,
  },
]);
