import { pageContactId } from '../context';
import type { Rule } from '../rule';
import { CONTACT_REFERENCE, leadingName, nameCase, trimText } from '../text';

const NOTE =
  /^(?:please\s+)?(?:(?:add|make|log|write|leave|put|create|save|jot(?:\s+down)?)\s+(?:a\s+|an\s+|this\s+)?(?:quick\s+)?)?note\b\s*/i;
const TARGET = /^(?:for|to|on|about|re:?|regarding|under)\s+/i;
const SEPARATOR = /\s*(?::|\s[-–—]+\s|[–—]|,)\s*/;

export const addNote: Rule = (s) => {
  const m = NOTE.exec(s.text);
  if (!m) return undefined;
  let rest = s.text.slice(m[0].length);
  let target: string | undefined;
  const t = TARGET.exec(rest);
  if (t) {
    rest = rest.slice(t[0].length);
    const sep = SEPARATOR.exec(rest);
    if (sep && sep.index > 0 && sep.index <= 60) {
      target = rest.slice(0, sep.index);
      rest = rest.slice(sep.index + sep[0].length);
    } else {
      const name = leadingName(rest, { allowLowercase: /^[a-z]/.test(rest), max: 2 });
      if (name) {
        target = name.value;
        rest = name.rest;
      }
    }
  }
  const text = trimText(rest.replace(/^[:\-–—,]\s*/, ''));
  if (!text) return undefined;
  const onPage = pageContactId(s);
  const refersToPage = !target || CONTACT_REFERENCE.test(target);
  const contact = refersToPage ? (onPage ? { contactId: onPage } : {}) : { contact: nameCase(trimText(target ?? '')) };
  const known = 'contactId' in contact || 'contact' in contact;
  return { intent: 'add_note', confidence: known ? 0.92 : 0.45, params: { ...contact, text } };
};
