import type { CallOutcome } from '../../contracts';
import { CONTACT_WORDS, contactInView, isContactWord, pageContact, type Sentence } from '../context';
import type { Rule } from '../rule';
import { household, leadingName, nameCase, takePhone, trimText } from '../text';
import { listingAgent } from './add_lead';

/**
 * A call that already happened: "log call with Tom – left voicemail", "called Maria, no answer",
 * "spoke with the Lees about financing", "left vm for Jake". The future tense ("call Tom tomorrow")
 * is a task, not a log.
 */
const LOGGED =
  /^(?:please\s+)?(?:(?:log|logged|record|recorded|add|note|save|enter)\s+(?:a\s+|the\s+|my\s+)?(?:phone\s+)?call(?:\s+(?:with|to|from|for))?|(?:just\s+)?(?:called|phoned|rang|tried calling|tried to call|tried|spoke (?:with|to)|talked (?:with|to)|chatted with|had an? (?:\w+\s+)?(?:call|chat|conversation|phone call) with|got off the phone with|caught up with|connected with|got through to|reached|couldn'?t reach|could not reach|missed (?:a )?call from|returned (?:a |her |his |their )?call (?:from|to)?|(?:left|dropped) (?:a |an )?(?:vm|voicemail|voice ?mail|message|msg) (?:for|with|to))|(?:vm|voicemail|no answer) (?:for|from|with|to))\s*[:\-–—,]?\s*/i;
/** "she called, left a msg re: comps": a call from whoever "she" is. */
const INBOUND = /^(she|he|they)\s+(?:called|rang|phoned)(?:\s+(?:me|back))*\b[\s,.:;-]*/i;
/** "left her a vm re …", "left Gabe a message": the person between "left" and the message. */
/** "left a vm", "lvm": a call with whoever is in view. */
const LEFT_ALONE = /^(?:just\s+)?left\s+(?:a |an )?(?:vm|voicemail|voice ?mail|message|msg)\s*$/i;
const LEFT_FOR =
  /^(?:just\s+)?left\s+(.{2,40}?)\s+(?:a |an )(?:vm|voicemail|voice ?mail|message|msg)\b\s*(?:re:?|about|regarding)?\s*/i;
/** "call with Patrice – no answer": a call named with how it went is one that happened. */
const CALL_WITH = /^(?:phone\s+)?call\s+(?:with|to)\s+/i;

const OUTCOMES: [CallOutcome, RegExp][] = [
  [
    'left_voicemail',
    /\b(?:left (?:\S+ )?(?:a |an )?(?:vm|voicemail|voice ?mail|message|msg)|(?:went|sent) to (?:vm|voicemail)|vm|voicemail|voice ?mail)\b/i,
  ],
  [
    'no_answer',
    /\b(?:no answer|didn'?t (?:answer|pick up)|did not (?:answer|pick up)|no pick ?up|not answering|couldn'?t reach|could not reach|unreachable|no response|tried calling|tried to call|rang out|line busy|busy|missed)\b/i,
  ],
  [
    'connected',
    /\b(?:spoke|talked|chatted|connected|reached|caught up|picked up|answered|interested|(?:she|he|they)(?:'s|'re| is| are) in\b|got (?:a ?hold of|ahold of|through)|had a (?:call|chat|conversation)|got off the phone|(?:good|great|quick|long) (?:call|chat))\b/i,
  ],
];
const OUTCOME_WORDS = new RegExp(OUTCOMES.map(([, re]) => re.source).join('|'), 'gi');

const STARTS_WITH_OUTCOME = new RegExp(`^(?:${OUTCOME_WORDS.source})`, 'i');

function who(
  s: Sentence,
  rest: string,
): { target?: { contactId?: string; contact?: string; phone?: string }; rest: string; said?: string } {
  // "called 512-555-0139": the call was with whoever has that number.
  const phone = /^[+(\d]/.test(rest) ? takePhone(rest, s.areaCode) : undefined;
  if (phone) return { target: { phone: phone.value }, rest: phone.rest };
  const agentSaid = /^(?:the\s+)?(?:listing|list|seller'?s?)\s+agent\b/i.exec(rest)?.[0];
  if (agentSaid) {
    const found = listingAgent(s, agentSaid);
    return { target: found && { contact: found.agent.name }, rest: rest.slice(agentSaid.length), said: agentSaid };
  }
  const family = household(rest);
  if (family) return { target: { contact: family.value }, rest: family.rest };
  const pronoun = new RegExp(`^(?:${CONTACT_WORDS.source})`, 'i').exec(rest)?.[0];
  if (pronoun) return { target: contactInView(s, pronoun), rest: rest.slice(pronoun.length), said: pronoun };
  // "log a call: connected, …" names the outcome, not a person.
  const lowercase = /^[a-z]/.test(rest);
  const name = STARTS_WITH_OUTCOME.test(rest)
    ? undefined
    : leadingName(rest, { allowLowercase: lowercase, max: lowercase ? 2 : 3 });
  if (name && !isContactWord(name.value)) return { target: { contact: nameCase(name.value) }, rest: name.rest };
  return { target: pageContact(s), rest };
}

export const logCall: Rule = (s) => {
  const inbound = INBOUND.exec(s.text);
  if (inbound?.[1]) {
    const target = contactInView(s, inbound[1]);
    const outcome = OUTCOMES.find(([, re]) => re.test(s.text))?.[0];
    const notes = trimText(s.text.slice(inbound[0].length).replace(OUTCOME_WORDS, ' ').replace(/\s+/g, ' '));
    return {
      intent: 'log_call',
      confidence: target ? 0.85 : 0.3,
      params: {
        ...target,
        ...(outcome && outcome !== 'left_voicemail' && { outcome }),
        notes: `Called me${notes ? `: ${notes}` : ''}`,
      },
    };
  }
  const left = LEFT_FOR.exec(s.text);
  const withOutcome = CALL_WITH.exec(s.text);
  const m =
    left ??
    LOGGED.exec(s.text) ??
    LEFT_ALONE.exec(s.text) ??
    (withOutcome && OUTCOMES.some(([, re]) => re.test(s.text)) ? withOutcome : null);
  if (!m) return undefined;
  const { target, rest, said } = left
    ? { ...who(s, left[1] ?? ''), rest: s.text.slice(left[0].length) }
    : who(s, s.text.slice(m[0].length));
  const outcome = OUTCOMES.find(([, re]) => re.test(s.text))?.[0];
  const notes = trimText(
    rest
      .replace(OUTCOME_WORDS, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^(?:and|but|,)\s+/i, ''),
  );
  const known = !!target && ('contactId' in target || 'contact' in target || 'phone' in target);
  return {
    intent: 'log_call',
    // Who the call was with is the one thing a call log cannot do without.
    confidence: known ? 0.9 : said ? 0.3 : 0.45,
    params: { ...target, ...(outcome && { outcome }), ...(notes && { notes }) },
  };
};
