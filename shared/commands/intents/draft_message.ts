import { pageContactId } from '../context';
import type { Rule } from '../rule';
import { CONTACT_REFERENCE, leadingName, nameCase, trimText } from '../text';

const MESSAGE =
  /^(?:please\s+)?(?:(?:draft|write|compose|send)\s+(?:an?\s+)?(?:(e-?mail|email|text|sms|message|note)\s+)?(?:to\s+)?|(e-?mail|email|text|sms|message|msg)\s+)/i;
/** Words that only lead into the purpose. "that …", "about …" and "asking …" stay: they say what to write. */
const LEAD_IN =
  /^(?:to say|saying|to let (?:her|him|them) know|letting (?:her|him|them) know|to tell (?:her|him|them)|and|with)\s+/i;
const PURPOSE = /^(?:about|that|re:?|regarding|asking|to ask)\s+/i;

export const draftMessage: Rule = (s) => {
  const m = MESSAGE.exec(s.text);
  if (!m) return undefined;
  const word = (m[1] ?? m[2] ?? '').toLowerCase();
  if (!word && !/^(?:please\s+)?(?:draft|write|compose)\b/i.test(s.text)) return undefined;
  const channel = /text|sms|msg/.test(word) ? 'sms' : 'email';
  let rest = s.text.slice(m[0].length);
  let target: string | undefined;
  const pronoun = /^(?:her|him|them|this (?:contact|client|lead))\b\s*/i.exec(rest);
  if (pronoun) {
    target = pronoun[0].trim();
    rest = rest.slice(pronoun[0].length);
  } else {
    const lowercase = /^[a-z]/.test(rest) && !PURPOSE.test(rest) && !LEAD_IN.test(rest);
    const name = leadingName(rest, { allowLowercase: lowercase, max: 2 });
    if (name) {
      target = name.value;
      rest = name.rest;
    }
  }
  const purpose = trimText(rest.replace(LEAD_IN, ''));
  if (!purpose) return undefined;
  const onPage = pageContactId(s);
  const contact = target && !CONTACT_REFERENCE.test(target) ? { contact: nameCase(target) } : onPage ? { contactId: onPage } : {};
  const known = 'contact' in contact || 'contactId' in contact;
  return { intent: 'draft_message', confidence: known ? 0.9 : 0.45, params: { ...contact, channel, purpose } };
};
