import { dateAround } from '../context';
import type { Rule } from '../rule';

const WHAT = "(?:what(?:'s|s| is| are)|whats)";
/** "on my plate", "for me": the agent's own list, which says "my day" without naming a day. */
const MINE = '(?:(?:on|in) my (?:plate|calendar|schedule|agenda|list|to-?do list)|for me)';
// Singular too: the typo pass reads a leading "tasks" as the command word "task".
const LISTS = '(?:agenda|schedule|calendar|day|plan|tasks?|to-?dos?|to-?do list|showings?|appointments?|appts?|lineup)';
const SHOW = '(?:(?:show|give|get|pull up|open|list|read|check)(?: me)? )';

/**
 * The ways of asking for the day, once the day itself is taken out ("what's on tomorrow" → "what's",
 * "today's tasks" → "tasks"). `any` shapes say "my day" on their own; the others need a day said,
 * so "what's up" stays a greeting and "tasks" a word.
 */
const SHAPES: { re: RegExp; any: boolean }[] = [
  { re: new RegExp(`^${WHAT}(?: (?:on|on deck|up|happening|going on|scheduled|planned|coming up|left))?$`), any: false },
  { re: new RegExp(`^${WHAT}(?: on)? ${MINE}$`), any: true },
  { re: new RegExp(`^(?:${WHAT}|(?:is there |do i have |have i got )?anything) (?:due|overdue)(?: ${MINE})?$`), any: true },
  { re: /^(?:is there |do i have |have i got )?anything(?: (?:on|scheduled|planned|happening))?$/, any: false },
  { re: new RegExp(`^(?:are there |do i have |have i got )?any ${LISTS}(?: (?:scheduled|planned))?$`), any: false },
  { re: new RegExp(`^(?:are there |do i have |have i got )?any (?:overdue ${LISTS}|${LISTS} (?:due|overdue))$`), any: true },
  { re: /^what (?:do|have) (?:i|we) (?:got|have|have got)(?: (?:going on|on|scheduled|planned))?$/, any: false },
  { re: new RegExp(`^what (?:do|have) (?:i|we) (?:got|have|have got)(?: (?:due|overdue)| ${MINE})$`), any: true },
  { re: /^what (?:tasks?|showings?|appointments?|appts?) (?:do|have) (?:i|we) (?:got|have|have got)(?: due)?$/, any: true },
  { re: new RegExp(`^${SHOW}?(?:my |the )?(?:daily )?${LISTS}$`), any: false },
  { re: new RegExp(`^${SHOW}?(?:my ${LISTS}|(?:the )?agenda|(?:my |the )?overdue (?:tasks?|to-?dos?|items?))$`), any: true },
  { re: /^(?:how|what)(?:'s|s| is| does| do) my (?:day|schedule|calendar|agenda)(?: look(?:s|ing)?(?: like)?)?$/, any: true },
  { re: /^(?:how|what)(?:'s|s| is| does| do)(?: it)? look(?:s|ing)?(?: like)?$/, any: false },
];

/**
 * How every way of asking starts, the day first included ("tomorrow's showings"): a cheap look
 * before the date is read, which most sentences need not pay for.
 */
const START =
  /^(?:what|whats|how|any|anything|is there|are there|do i|have i|show|give|get|pull up|open|list|read|check|my|the|daily|agenda|schedule|calendar|plan|tasks?|to-?dos?|showings?|appointments?|appts?|lineup|overdue|today|tonight|tomorrow|mon|tue|wed|thu|fri|sat|sun|\d)/i;

/** The agenda is one day: a week or a month asked for is not it. */
const SPAN = /\b(?:week|weekend|month|year)s?\b/i;

/** The agent's day: "what's on today", "my day", "what's due", "agenda for Friday". */
export const agenda: Rule = (s) => {
  const text = s.text.replace(/[?!.]+$/, '').trim();
  if (!START.test(text) || text.split(' ').length > 10) return undefined;
  const when = dateAround(s, text);
  if (when && SPAN.test(when.text)) return undefined;
  const rest = (when ? when.rest : text)
    .toLowerCase()
    .replace(/^(?:'s|s)\s+/, '')
    .replace(/\s+(?:for|on)$/, '')
    .replace(/[?!.,]+$/, '')
    .trim();
  if (!SHAPES.some(({ re, any }) => (any || when) && re.test(rest))) return undefined;
  return { intent: 'agenda', confidence: 0.9, params: when ? { date: when.date } : {} };
};
