import type { Sentence } from '../context';
import type { Rule } from '../rule';
import { decline } from '../rule';

/** There is no delete: destructive or bulk requests are declined, never turned into another action. */
const DESTRUCTIVE =
  /^(?:please\s+|can you\s+|could you\s+)?(?:delete|remove|erase|wipe|purge|drop|destroy|clear|deactivate|archive|merge|overwrite|reset|export|download|dump|unsubscribe|mass[\s-]?(?:email|text))\b/i;
const BULK =
  /\b(?:delete|remove|erase|wipe|purge|destroy|export|dump|send)\s+(?:all|every|each|the whole|my entire|everything|everyone)\b/i;
/** Text written to steer a model rather than to ask for real-estate work. */
const INJECTION =
  /\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+|your\s+|my\s+)?(?:previous|prior|above|earlier|preceding|system|these)?\s*(?:instructions?|prompts?|rules?|directions?)\b|\bsystem prompt\b|\byou are now\b|\bdeveloper mode\b|\bjailbreak\b|<\/?(?:system|assistant|instructions?)>/i;

/** A request Estait refuses outright: destructive, in bulk, or written to steer a model. */
export const refused = (s: Sentence) => DESTRUCTIVE.test(s.text) || BULK.test(s.text) || INJECTION.test(s.text);

export const guard: Rule = (s) => {
  if (!/\p{L}/u.test(s.text)) return decline();
  if (refused(s)) return decline(0.02);
  return undefined;
};
