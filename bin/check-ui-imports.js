#!/usr/bin/env node
// `npm run lint`, after biome: the UI (renderer/) imports nothing of main/ at run time. Biome's
// noRestrictedImports matches `import type` and `import` alike, so this is the check that tells them apart.
// Allowed: `import type` / `export type … from` of main/ (erased from the bundle; with verbatimModuleSyntax an
// `import { type A }` stays as a bare import, so it counts as a run-time one). What both sides need at run time
// (the OSB operation names) lives in shared/, whose modules import nothing: checked here too.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const UI = join(ROOT, 'renderer');
const MAIN = join(ROOT, 'main') + sep;
const SHARED = join(ROOT, 'shared');

const sourceFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|jsx|mts|mjs)$/.test(entry.name) ? [path] : [];
  });

/** Each module specifier of a file, with whether it is erased at run time. */
function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier))
      found.push({ node, specifier: node.moduleSpecifier.text, typeOnly: !!node.importClause?.isTypeOnly });
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      found.push({ node, specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    )
      found.push({ node, specifier: node.arguments[0].text, typeOnly: false });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.map(({ node, ...entry }) => ({
    ...entry,
    line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
  }));
}

/** The file a relative specifier names (`./x` is `./x.ts`, `./x.tsx` or `./x/index.ts`). */
function resolved(from, specifier) {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')];
  return candidates.find((candidate) => statSync(candidate, { throwIfNoEntry: false })?.isFile()) ?? base;
}

const problems = sourceFiles(UI)
  .flatMap((file) =>
    importsOf(file)
      .filter(({ specifier }) => specifier.startsWith('.'))
      .map((entry) => ({ ...entry, target: resolved(file, entry.specifier) }))
      .filter(({ target, typeOnly }) => target.startsWith(MAIN) && !typeOnly)
      .map(({ specifier, line }) => `${relative(ROOT, file)}:${line}: imports ${specifier} at run time`),
  )
  .concat(
    sourceFiles(SHARED).flatMap((file) =>
      importsOf(file).map(
        ({ specifier, line }) => `${relative(ROOT, file)}:${line}: shared/ imports ${specifier}`,
      ),
    ),
  );

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(
    `\n${problems.length} forbidden import(s): the UI talks to the control API only (import main/'s types with ` +
      '`import type` from a `*types*` module), and shared/ imports nothing.',
  );
  process.exit(1);
}
