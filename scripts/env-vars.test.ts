import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// worker/env.ts is the one list of the worker's variables; the example file and the README follow it.
const ROOT = join(import.meta.dirname, '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** The string members of `interface Env`: the variables and secrets, not the bindings. */
function envVariables(): string[] {
  const source = ts.createSourceFile('env.ts', read('worker/env.ts'), ts.ScriptTarget.Latest);
  const env = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Env');
  if (!env) throw new Error('worker/env.ts has no interface Env');
  return env.members
    .filter((m): m is ts.PropertySignature => ts.isPropertySignature(m) && m.type?.kind === ts.SyntaxKind.StringKeyword)
    .map((m) => m.name.getText(source));
}

const variables = envVariables();
const example = read('.dev.vars.example');
const exampleNames = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1] ?? '');
const tomlVars = read('wrangler.toml').match(/^\[vars\]\n([\s\S]*?)(?=^\[)/m)?.[1] ?? '';

describe('the worker’s variables', () => {
  it('are read from worker/env.ts', () => {
    expect(variables).toContain('OPENAI_API_KEY');
    expect(variables).not.toContain('DB');
  });

  it.each(variables)('%s is in .dev.vars.example, or set in wrangler.toml’s [vars]', (name) => {
    expect(exampleNames.includes(name) || new RegExp(`^${name}\\s*=`, 'm').test(tomlVars)).toBe(true);
  });

  it.each(variables)('%s is in the README', (name) => {
    expect(read('README.md')).toContain(`\`${name}`);
  });

  it('.dev.vars.example names no variable the worker does not read, each once', () => {
    expect(exampleNames.filter((name) => !variables.includes(name))).toEqual([]);
    expect(new Set(exampleNames).size).toBe(exampleNames.length);
  });
});
