import type { Channel, Listing } from '../../contracts';
import { CONTACT_WORDS, contactInView, LISTING_WORDS, listingInView, pageContact, type Sentence } from '../context';
import { decline, type Rule } from '../rule';
import { leadingName, nameCase, squeeze, takeEmail, takePhone, toE164, trimText } from '../text';
import { listingAgent } from './add_lead';

const MESSAGE =
  /^(?:please\s+)?(?:(?:draft|write|compose|send)\s+(?:an?\s+)?(?:(e-?mail|email|text|sms|message|note)\s+)?(?:to\s+)?|(e-?mail|email|text|sms|message|msg)\s+)/i;
/** "send Maria a text saying…", "shoot Tom an email about…": the person first, then the channel. */
const SEND_PERSON_FIRST =
  /^(?:please\s+)?(?:send|shoot|drop|fire off)\s+(.+?)\s+(?:a|an)\s+(?:quick\s+)?(e-?mail|email|text|sms|message|note|msg)\b\s*/i;
/** "send this listing to Maria", "share this place with Tom", "text the listing to her". */
const SHARE =
  /^(?:please\s+)?(?:send|share|forward|email|e-mail|text)\s+(?:this|the|that)\s+(?:listing|house|home|property|place|condo|one)\s+(?:to|with)\s+/i;
/** "send Keisha this one", "text her this listing": the person, then the listing. */
const SHARE_PERSON_FIRST =
  /^(?:please\s+)?(send|share|forward|email|e-mail|text)\s+(.{2,40}?)\s+(?:this|that|the)\s+(?:listing|house|home|property|place|condo|one)\s*$/i;
/** Words that only lead into the purpose. "that …", "about …" and "asking …" stay: they say what to write. */
const LEAD_IN =
  /^(?:to say|saying|to let (?:her|him|them) know|letting (?:her|him|them) know|to tell (?:her|him|them)|and|with)\s+/i;
const PURPOSE = /^(?:about|that|re:?|regarding|asking|to ask)\s+/i;
const LISTING_AGENT = /^(?:the\s+)?(?:listing|list|seller'?s?)\s+agent\b\s*/i;

type Target = { contactId?: string; contact?: string; phone?: string; email?: string; listing?: Listing };

/** Who the message goes to, read from the start of `rest`. */
function recipient(s: Sentence, rest: string): { target?: Target; rest: string; vague?: boolean } {
  const agent = LISTING_AGENT.exec(rest);
  if (agent) {
    const found = listingAgent(s, agent[0].trim());
    if (!found) return { rest: rest.slice(agent[0].length), vague: true };
    const phone = found.agent.phone ? toE164(found.agent.phone) : undefined;
    const listing = s.page?.kind === 'listing' ? s.page.listing : s.recent?.listing;
    return {
      target: {
        contact: found.agent.name,
        ...(found.agent.email && { email: found.agent.email }),
        ...(phone && { phone }),
        ...(listing && { listing: brief(listing) }),
      },
      rest: rest.slice(agent[0].length),
    };
  }
  const pronoun = new RegExp(`^(?:${CONTACT_WORDS.source})\\s*`, 'i').exec(rest);
  if (pronoun) {
    const inView = contactInView(s, pronoun[0].trim());
    return { target: inView, rest: rest.slice(pronoun[0].length), vague: !inView };
  }
  const phone = /^[+(\d]/.test(rest) ? takePhone(rest) : undefined;
  if (phone) return { target: { phone: phone.value }, rest: phone.rest };
  const email = /^[\w.+'-]+@/.test(rest) ? takeEmail(rest) : undefined;
  if (email) return { target: { email: email.value }, rest: email.rest };
  const lowercase = /^[a-z]/.test(rest) && !PURPOSE.test(rest) && !LEAD_IN.test(rest);
  const name = leadingName(rest, { allowLowercase: lowercase, max: 2 });
  if (name) return { target: { contact: nameCase(name.value) }, rest: name.rest };
  return { target: pageContact(s), rest };
}

/** What a message needs to say about a listing: not its photos and description. */
export const brief = ({ address, price, beds, baths, sqft, mlsId, status, propertyType }: Listing): Listing => ({
  address,
  ...(price !== undefined && { price }),
  ...(beds !== undefined && { beds }),
  ...(baths !== undefined && { baths }),
  ...(sqft !== undefined && { sqft }),
  ...(mlsId && { mlsId }),
  ...(status && { status }),
  ...(propertyType && { propertyType }),
});

const channelOf = (word: string) => (/text|sms|msg/i.test(word) ? 'sms' : 'email');

export const draftMessage: Rule = (s) => {
  const share = SHARE.exec(s.text);
  const shareTo = share ? undefined : SHARE_PERSON_FIRST.exec(s.text);
  if (share || shareTo) {
    const said = LISTING_WORDS.exec(s.text)?.[0] ?? 'this listing';
    const listing = listingInView(s, said);
    const { target, vague } = recipient(s, share ? s.text.slice(share[0].length) : (shareTo?.[2] ?? ''));
    if (!listing || !target || vague) return decline(0.3);
    return {
      intent: 'draft_message',
      confidence: 0.9,
      params: {
        ...target,
        channel: channelOf(shareTo?.[1] ?? share?.[0] ?? ''),
        purpose: 'a home you may like',
        listing: brief(listing),
      },
    };
  }

  let channel: Channel;
  let found: ReturnType<typeof recipient>;
  const personFirst = SEND_PERSON_FIRST.exec(s.text);
  if (personFirst) {
    channel = channelOf(personFirst[2] ?? '');
    found = recipient(s, personFirst[1] ?? '');
    found.rest = `${found.rest} ${s.text.slice(personFirst[0].length)}`;
  } else {
    const m = MESSAGE.exec(s.text);
    if (!m) return undefined;
    const word = (m[1] ?? m[2] ?? '').toLowerCase();
    if (!word && !/^(?:please\s+)?(?:draft|write|compose)\b/i.test(s.text)) return undefined;
    channel = channelOf(word);
    found = recipient(s, s.text.slice(m[0].length));
  }
  const purpose = trimText(squeeze(found.rest).replace(LEAD_IN, ''));
  if (!purpose) return undefined;
  const { target, vague } = found;
  const known = !!target && Object.keys(target).some((k) => k !== 'listing');
  // "email Kevin about this house": the draft carries the house it is about.
  const pointed = !target?.listing && LISTING_WORDS.exec(purpose)?.[0];
  const about = pointed ? listingInView(s, pointed) : undefined;
  // A pronoun with no one in view, or "the listing agent" off a listing: a draft to nobody.
  const confidence = vague ? 0.3 : known ? 0.9 : 0.45;
  return {
    intent: 'draft_message',
    confidence,
    params: { ...target, ...(about && { listing: brief(about) }), channel, purpose },
  };
};
