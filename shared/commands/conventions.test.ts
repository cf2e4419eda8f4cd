import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLAN_TOOLS } from '../../worker/llm/tools';
import { ParsedCommand } from '../contracts';

// Conventions checked rather than remembered: an intent added to the contracts without its rule or
// its planner tool fails here, not in front of an agent.

const INTENTS = ParsedCommand.options.map((o) => o.shape.intent.value).filter((intent) => intent !== 'unknown');
const INTENTS_DIR = new URL('./intents/', import.meta.url);
/** The files in intents/ that are not an intent's rule: the guard runs before them all. */
const NOT_RULES = ['guard.ts'];
const camel = (id: string) => id.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

describe('every intent in the contracts', () => {
  it('has exactly one rule file, named by its id, and no rule file is for an intent the contracts lack', () => {
    const files = readdirSync(INTENTS_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !NOT_RULES.includes(f));
    expect(files.sort()).toEqual(INTENTS.map((id) => `${id}.ts`).sort());
  });

  it.each(INTENTS)('%s: its file exports its rule under its name, and the parser imports it', async (id) => {
    const rule = (await import(`./intents/${id}.ts`))[camel(id)];
    expect(typeof rule, `intents/${id}.ts exports ${camel(id)}`).toBe('function');
    const index = readFileSync(new URL('./index.ts', import.meta.url), 'utf8');
    expect(index).toMatch(new RegExp(`import \\{[^}]*\\b${camel(id)}\\b[^}]*\\} from './intents/${id}'`));
  });

  it('has exactly one planner tool, and the planner has none besides them but its decline', () => {
    const tools = PLAN_TOOLS.flatMap((t) => (t.type === 'function' ? [t.function.name] : []));
    expect(tools.sort()).toEqual([...INTENTS, 'decline'].sort());
  });
});
