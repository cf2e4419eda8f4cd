import type { CrmTask } from './contracts';
import { fold } from './normalize';

/** Words that name no task: "mark *the* disclosure *task* done". */
const FILLER = new Set([
  'the',
  'a',
  'an',
  'my',
  'our',
  'his',
  'her',
  'their',
  'task',
  'todo',
  'to',
  'do',
  'for',
  'with',
  'about',
  'of',
  'on',
]);

/**
 * A word without its possessive, plural or verb ending, so "Smith's", "disclosures" and "calling"
 * find "Smith", "disclosure" and "Call"; a short word keeps its ending ("gas" stays "gas").
 */
const stem = (w: string) => {
  const bare = w.replace(/(?:'s|’s)$/u, '');
  const cut = bare.replace(/(?:ing|ed|es|s)$/u, '');
  return cut.length >= 3 ? cut : bare;
};
const wordsOf = (text: string) =>
  fold(text)
    .split(/[^\p{L}\p{N}'’]+/u)
    .map(stem)
    .filter((w) => w.length > 1 && !FILLER.has(w));

/**
 * The open tasks the agent's words name: those whose title has every word said (as a word or the
 * start of one). No words: every open task (the agent picks). Never a best guess past that — a task
 * marked done by mistake is a lost follow-up, so no match means the agent picks from the list.
 */
export function matchTasks<T extends Pick<CrmTask, 'title' | 'done'>>(said: string | undefined, tasks: T[]): T[] {
  const open = tasks.filter((t) => !t.done);
  const want = wordsOf(said ?? '');
  if (!want.length) return open;
  return open.filter((t) => {
    const have = wordsOf(t.title);
    return want.every((w) => have.some((h) => h.startsWith(w)));
  });
}
