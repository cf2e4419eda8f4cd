import { pageContactId } from '../context';
import { takeDate } from '../dates';
import type { Rule } from '../rule';
import { CONTACT_REFERENCE, findName, MENTIONS_CONTACT, trimText } from '../text';

const REMIND =
  /^(?:please\s+)?(?:remind me (?:to |that |about )?|reminder(?:\s+to)?\s*[:-]?\s*|set (?:a |up a )?reminder (?:to |for )?|(?:add|create|make|new)\s+(?:a\s+)?(?:task|reminder|to-?do)(?:\s+to)?\s*[:-]?\s*|(?:new\s+)?task\s*[:-]\s*|to-?do\s*[:-]\s*|don'?t (?:let me )?forget (?:to )?)/i;
const ACTION =
  /^(?:please\s+)?(?:call|phone|ring|follow[\s-]?up|check in|touch base|reach out|get back|circle back|meet|send|drop off|pick up|schedule a call|prepare|prep|review|order|confirm)\b/i;
const BEFORE_NAME = /^(?:call|phone|ring|with|to|email|text|for|meet|ping|see|visit|thank|congratulate|about)$/i;

export const createTask: Rule = (s) => {
  const prefix = REMIND.exec(s.text);
  const action = !prefix && ACTION.test(s.text);
  if (!prefix && !action) return undefined;
  const body = prefix ? s.text.slice(prefix[0].length) : s.text;
  const when = takeDate(body, s.now);
  // "remind me on the 25th to renew…": the "to" was kept apart from "remind me" by the date.
  const title = trimText((when ? when.rest : body).replace(/^(?:to|that|about)\s+/i, ''));
  if (!title) return undefined;
  const name = findName(title, BEFORE_NAME) ?? findName(title);
  const onPage = pageContactId(s);
  const contact =
    name && !CONTACT_REFERENCE.test(name)
      ? { contact: name }
      : onPage && (MENTIONS_CONTACT.test(title) || !name)
        ? { contactId: onPage }
        : {};
  const due = when?.dateTime ?? when?.date;
  const confidence = prefix ? 0.9 : when || 'contact' in contact ? 0.85 : 0.55;
  return { intent: 'create_task', confidence, params: { ...contact, title, ...(due && { due }) } };
};
