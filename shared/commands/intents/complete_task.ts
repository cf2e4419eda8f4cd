import { CONTACT_WORDS, type ContactTarget, contactInView, pageContact, type Sentence } from '../context';
import type { Rule } from '../rule';
import { findName, household, leadingName, trimText } from '../text';

const DONE = '(?:done|complete|completed|finished)';

/**
 * The sentence shapes that say a task is done, each with the words naming it in group 1. All start
 * the sentence, so "remind me to …" and "add a task …" (new tasks) and "called John, done" (a call
 * log) never read as one. `command` shapes are commands ("mark … done", "completed: …"); the
 * others tell what the agent did ("done with …", "I finished …"), which only names a task when it
 * names the person or says "task".
 */
const SHAPES: { re: RegExp; command: boolean }[] = [
  { re: new RegExp(String.raw`^(?:(?:task|to-?do|reminder)\s+)?${DONE}\s*[:\-–—]\s*(.+)$`, 'i'), command: true },
  { re: new RegExp(String.raw`^mark\s+(?:as\s+)?(?:${DONE}|off)\s*[:\-–—]?\s+(.+)$`, 'i'), command: true },
  { re: new RegExp(String.raw`^mark\s+(.+?)\s+(?:as\s+)?(?:${DONE}|off)$`, 'i'), command: true },
  { re: /^(?:check|tick|cross)\s+off\s+(.+)$/i, command: true },
  { re: /^(?:check|tick|cross)\s+(.+?)\s+off(?:\s+(?:my|the)\s+(?:list|to-?do list))?$/i, command: true },
  {
    re: new RegExp(
      String.raw`^((?:the|my|that|this|her|his|their|\S+['’]s)\s+.*?(?:task|to-?do|reminder))\s+(?:is\s+)?${DONE}$`,
      'i',
    ),
    command: true,
  },
  {
    re: /^(?:i'?m\s+|i am\s+|i'?ve\s+|i have\s+|we'?re\s+)?(?:all\s+|just\s+)?(?:done|finished)(?:\s+up)?\s+with\s+(.+)$/i,
    command: false,
  },
  {
    re: /^(?:i\s+|i'?ve\s+|i have\s+|we\s+)(?:just\s+|already\s+)?(?:finished|completed|wrapped up|took care of|knocked out)(?:\s+up)?\s+(.+)$/i,
    command: false,
  },
  // Without "I", the object must be a thing done, so "finished basement homes in Austin" stays a search.
  {
    re: /^(?:just\s+)?(?:finished|completed|wrapped up|took care of|knocked out)(?:\s+up)?\s+((?:the|my|that|this|his|her|their)\s+.+|\p{L}+ing\b.*)$/iu,
    command: false,
  },
];

/** "his" and "their" point at a person the way "her" does. */
const POINTING = new RegExp(String.raw`${CONTACT_WORDS.source}|\b(?:his|their)\b`, 'i');
/** Words after which a lowercase word is a person: "the follow-up for maria", "calling jo back". */
const BEFORE_NAME = /^(?:for|with|to|from|call|calling|email|emailing|text|texting|meet|meeting|ping|see|visit)$/i;
const TASK_NOUN = /\b(?:task|to-?do|reminder)s?\b/i;
/** What agents keep as tasks, said last: "done with the staging call", "finished the CMA". */
const TASK_THING =
  /\b(?:call|follow-?up|email|text|paperwork|docs|documents|packet|disclosures?|cma|appraisal|inspection|review|counter-?offer|contract|agreement)s?$/i;
/** Words about the task rather than naming it: "the … task", "my to-do", a dangling "for". */
const FILLER =
  /^(?:the|my|a|an|that|this|our|task|to-?do|reminder)s?\s+|\s+(?:task|to-?do|reminder|item|for|with|to|from|of)s?$|^(?:task|to-?do|reminder|item)s?$/i;
const DAY_ONLY = /^(?:(?:for|from)\s+)?(?:today|tonight|tomorrow|yesterday|this morning|this afternoon)$/i;

type Read = { target?: ContactTarget; pointed?: boolean; rest: string };

/** `words` without the person named in them, with the "for"/"the" before and the "'s" after. */
function without(words: string, name: string): string {
  const at = words.toLowerCase().indexOf(name.toLowerCase());
  if (at < 0) return words;
  const before = words.slice(0, at).replace(/\b(?:for|with|to|from)\s+(?:the\s+)?$|\bthe\s+$/i, '');
  const after = words.slice(at + name.length).replace(/^[\p{L}'’]*/u, '');
  return `${before} ${after}`;
}

/** Who the task is for, and what is left of the words once they are taken out. */
function whose(s: Sentence, words: string): Read {
  const pointed = POINTING.exec(words);
  if (pointed) {
    return { target: contactInView(s, pointed[0]), pointed: true, rest: words.replace(pointed[0], ' ') };
  }
  // "Maria's disclosure task", "John Lee's CMA".
  const possessive = /(?:^|\s)((?:\p{Lu}[\p{L}'’-]*\s+){0,2}\p{Lu}[\p{L}-]*)['’]s\b/u.exec(words);
  const owner = possessive?.[1] && leadingName(possessive[1]);
  if (possessive && owner && !owner.rest) return { target: { contact: owner.value }, rest: words.replace(possessive[0], ' ') };
  // "the follow-up for Maria", "send CMA to John Lee", "calling jo back".
  const named = findName(words, BEFORE_NAME);
  if (named) return { target: { contact: named }, rest: without(words, named) };
  // "the Smith call", "the Lees inspection": a name before the thing done.
  const family = /^the\s+\p{Lu}/u.test(words) ? household(words) : undefined;
  if (family?.rest) return { target: { contact: family.value }, rest: family.rest };
  const after = /^the\s+/i.exec(words);
  const lead = after && leadingName(words.slice(after[0].length));
  if (lead?.rest) return { target: { contact: lead.value }, rest: lead.rest };
  const anywhere = findName(words);
  if (anywhere) return { target: { contact: anywhere }, rest: without(words, anywhere) };
  return { target: pageContact(s), rest: words };
}

/** The words naming the task as the agent said them, without the person and the filler. */
function taskWords(rest: string): string {
  let words = trimText(rest);
  for (let before = ''; words !== before; ) {
    before = words;
    words = trimText(words.replace(FILLER, ''));
  }
  return DAY_ONLY.test(words) ? '' : words;
}

/**
 * A task the agent has done: "done with the Smith call", "mark the disclosure task done", "check
 * off calling her back", "task done: order appraisal". The task itself is resolved on the confirm
 * card among the open tasks of the contact (or of the day, with no one named).
 */
export const completeTask: Rule = (s) => {
  // "mark the HOA task done for Rosalind" is "mark the HOA task for Rosalind done".
  const text = s.text
    .replace(/[.!]+$/, '')
    .replace(new RegExp(String.raw`^(mark\s+.+?)\s+((?:as\s+)?(?:${DONE}|off))\s+((?:for|with)\s+.+)$`, 'i'), '$1 $3 $2');
  const shape = SHAPES.map(({ re, command }) => ({ m: re.exec(text), command })).find(({ m }) => m?.[1]);
  if (!shape?.m?.[1]) return undefined;
  const said = trimText(shape.m[1]);
  const { target, pointed, rest } = whose(s, said);
  const task = taskWords(rest);
  const params = { ...target, ...(task && { task }) };
  // "check off calling her back" with no one in view: the wrong person's task must not be closed.
  if (pointed && !target) return { intent: 'complete_task', confidence: 0.3, params };
  const saysTask = TASK_NOUN.test(said);
  // More than one thing said ("done with the call, she wants 3 beds") is for the planner to split.
  const runOn = /[,;:]\s|\s[-–—]\s|\.\s+\S/.test(said) || said.split(' ').length > 12 || task.length > 200;
  let confidence: number;
  if (runOn) confidence = 0.45;
  else if (!task) confidence = saysTask && target ? 0.8 : 0.45;
  else if (shape.command) confidence = target ? 0.9 : 0.8;
  else confidence = target ? 0.85 : saysTask ? 0.8 : TASK_THING.test(task) ? 0.75 : 0.45;
  return { intent: 'complete_task', confidence, params };
};
