import { CONTACT_WORDS, contactInView, dateAround, isContactWord, pageContact } from '../context';
import type { Rule } from '../rule';
import { findName, trimText } from '../text';

const REMIND =
  /^(?:please\s+)?(?:remind me (?:to |that |about )?|reminder(?:\s+to)?\s*[:-]?\s*|(?:set|schedule|add|create|make|put in) (?:a |up a |me a )?reminder (?:to |for |that )?|(?:add|create|make|new)\s+(?:a\s+)?(?:task|reminder|to-?do)(?:\s+to)?\s*[:-]?\s*|(?:new\s+)?task\s*[:-]?\s*|to-?do\s*[:-]\s*|don'?t (?:let me )?forget (?:to )?)/i;
const ACTION =
  /^(?:please\s+)?(?:call|phone|ring|follow[\s-]?up|check in|touch base|reach out|get back|circle back|ping|meet|meeting|mtg|appt|apptmt|appointment|lunch|coffee|send|drop off|pick up|schedule a call|prepare|prep|review|order|confirm)\b/i;
const BEFORE_NAME =
  /^(?:call|phone|ring|with|to|email|text|for|meet|ping|see|visit|thank|congratulate|about|send|give|ask|tell|update|invite|remind|introduce|pay|from)$/i;

/** "tomorrow morning call the lender", "noon tomorrow remind me to…": the day said before the rest. */
const DAY_FIRST =
  /^(?:tomorrow|today|tonight|this|next|on|in|by|at|mon|tue|wed|thu|fri|sat|sun|first thing|noon|eod|end of|quarter|half|\d{1,2}(?::\d{2})?\s*(?:am|pm)?\b)/i;

export const createTask: Rule = (s) => {
  const early = DAY_FIRST.test(s.text) ? dateAround(s, s.text) : undefined;
  const after = early ? early.rest.replace(/^[\s:,\-–—]+/, '') : s.text;
  const prefix = REMIND.exec(after);
  const action = !prefix && ACTION.test(after);
  if (!prefix && !action) return undefined;
  const body = prefix ? after.slice(prefix[0].length) : after;
  const later = early ? undefined : dateAround(s, body);
  const when = early ?? later;
  // "remind me on the 25th to renew…": the "to" was kept apart from "remind me" by the date.
  const title = trimText((later ? later.rest : body).replace(/^[\s:,\-–—]*(?:to|that|about)\s+/i, ''));
  if (!title) return undefined;
  const name = findName(title, BEFORE_NAME) ?? findName(title);
  const pronoun = CONTACT_WORDS.exec(title)?.[0];
  const named = name && !isContactWord(name) ? { contact: name } : undefined;
  // "follow up next week" on a contact's page is about them; a pronoun may also mean the one in memory.
  const inView = named ? undefined : pronoun ? contactInView(s, pronoun) : ACTION.test(title) ? pageContact(s) : undefined;
  // "call her" with no one in view: a task for nobody would be a wrong write.
  if (pronoun && !named && !inView) return { intent: 'create_task', confidence: 0.3, params: { title } };
  const contact = named ?? inView ?? {};
  const due = when?.dateTime ?? when?.date;
  // A bare verb phrase ("send it", "review docs") with no day and no person is not yet a task.
  const confidence = prefix ? 0.9 : when || named || inView ? 0.85 : 0.45;
  return { intent: 'create_task', confidence, params: { ...contact, title, ...(due && { due }) } };
};
