import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers, checked over the project's own TypeScript: imports go one way (no circles), test code
 * depends on the product and never the other way round, and the browser tests' harness (the fakes of
 * the third-party APIs and the support files) reads only the public contracts in shared/, so a fake
 * follows the published API and not the provider code it tests.
 */
const ROOT = resolve(import.meta.dirname, '..');
const FOLDERS = ['shared', 'worker', 'extension', 'entrypoints', 'e2e', 'scripts', 'bench'];
const SOURCE = /\.(ts|tsx)$/;
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function files(folder: string): string[] {
  const path = join(ROOT, folder);
  if (!existsSync(path)) return [];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((f) => SOURCE.test(f) && !f.split('/').includes('node_modules'))
    .map((f) => join(folder, f));
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(ROOT, dirname(from), spec);
  const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find(
    (p) => existsSync(p) && statSync(p).isFile() && SOURCE.test(p),
  );
  return found && relative(ROOT, found);
}

type Edge = { to: string };

/** What a test outside the browser may run of the extension: its calls and its outbox. */
const PUBLIC_EXTENSION_ENTRY = 'extension/headless.ts';

const graph = new Map<string, Edge[]>(
  FOLDERS.flatMap(files).map((file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const edges = [...text.matchAll(IMPORT)].flatMap((m) => {
      const to = resolveImport(file, m[1] ?? m[2] ?? '');
      return to ? [{ to }] : [];
    });
    return [file, edges];
  }),
);

/** What ships: the extension and the worker, and the shared code both read; their tests aside. */
const isProduct = (file: string) =>
  /^(shared|worker|extension|entrypoints)\//.test(file) &&
  !file.startsWith('worker/test/') &&
  !/\.test\.tsx?$/.test(file) &&
  !file.endsWith('vitest.config.ts');

/** Circles through imports, type-only ones too: a circle of types is still two modules that cannot be read apart. */
function circles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const { to: next } of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe('layers', () => {
  it('reads the whole tree', () => {
    expect(graph.size).toBeGreaterThan(100);
  });

  it('has no import circles', () => {
    expect(circles().map((c) => c.join(' → '))).toEqual([]);
  });

  it('keeps product code free of test code', () => {
    const wrong = [...graph].flatMap(([file, edges]) =>
      !isProduct(file) ? [] : edges.filter((e) => e.to.startsWith('e2e/')).map((e) => `${file} → ${e.to}`),
    );
    expect(wrong).toEqual([]);
  });

  it('builds the fakes and the browser harness on the public contracts only', () => {
    const wrong = [...graph].flatMap(([file, edges]) =>
      file.startsWith('e2e/fakes/') || file.startsWith('e2e/support/')
        ? edges.filter((e) => !/^(shared|e2e)\//.test(e.to)).map((e) => `${file} → ${e.to}`)
        : [],
    );
    expect(wrong).toEqual([]);
  });

  it('drives the extension from the browser specs through its public entry only', () => {
    const wrong = [...graph].flatMap(([file, edges]) =>
      file.startsWith('e2e/')
        ? edges.filter((e) => !/^(shared|e2e)\//.test(e.to) && e.to !== PUBLIC_EXTENSION_ENTRY).map((e) => `${file} → ${e.to}`)
        : [],
    );
    expect(wrong).toEqual([]);
  });
});
