import { defineConfig } from 'tsdown';

// The CLI and the library as JavaScript in dist/ (the desktop app and the UI are electron-vite's, in out/).
// Each dynamically imported command module becomes a chunk of its own. The ES build bundles its dependencies
// too: Node resolves, reads and compiles each of their ~300 files one by one (CommonJS ones also through its
// export lexer), a third of the CPU a `smsim serve` spends before it is ready. ws's optional native
// add-ons stay out: ws loads them only where they are installed.
const OPTIONAL_ADDONS = ['bufferutil', 'utf-8-validate'];
// The declarations keep importing the dependencies' own types, which their consumers install with them.
const isDeclaration = (importer: string | undefined) =>
  importer !== undefined && /\.d\.[cm]?ts$/.test(importer);

export default defineConfig([
  {
    entry: { cli: 'main/cli.ts', index: 'main/index.ts' },
    format: 'esm',
    deps: {
      alwaysBundle: (id, importer) => !isDeclaration(importer) && !OPTIONAL_ADDONS.includes(id),
    },
    shims: true,
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
