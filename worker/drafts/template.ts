import type { Draft, DraftCommand, Listing } from '../../shared/contracts';
import { formatPrice } from '../../shared/format';

/** "that the showing is confirmed" → "I wanted to let you know that the showing is confirmed." */
function opening(purpose: string): string {
  const p = purpose.replace(/[.!]+$/, '');
  // "is there an HOA and how much": a question the agent wants answered, asked as one.
  if (/^(?:is|are|do|does|did|can|could|will|would|has|have|what|when|where|which|who|why|how)\b/i.test(p))
    return `Quick question: ${p.replace(/^./, (c) => c.toUpperCase()).replace(/\?*$/, '?')}`;
  // "see you at noon", "I'm running late": a message the agent already worded, said as written.
  if (
    /^(?:i|i'm|im|i'll|we|we're|we'll|you|see you|running|on my way|omw|just|thanks|thank you|please|let's|heads up|good news|great news|congrats)\b/i.test(
      p,
    )
  )
    return `${p.replace(/^./, (c) => c.toUpperCase())}.`;
  if (/^(?:that|to let you know)\b/i.test(p)) return `I wanted to let you know ${p.replace(/^to let you know\s*/i, '')}.`;
  if (/^(?:about|regarding|re:?)\s/i.test(p)) return `I wanted to reach out ${p.replace(/^re:?\s/i, 'about ')}.`;
  if (/^(?:asking|to ask)\s/i.test(p)) return `I wanted to ask ${p.replace(/^(?:asking|to ask)\s/i, '')}.`;
  return `I wanted to reach out about ${p}.`;
}

function listingLine(listing: Listing | undefined): string | undefined {
  if (!listing) return undefined;
  const facts = [
    listing.beds !== undefined && `${listing.beds} bed`,
    listing.baths !== undefined && `${listing.baths} bath`,
    listing.sqft !== undefined && `${listing.sqft.toLocaleString('en-US')} sqft`,
  ].filter(Boolean);
  const price = listing.price !== undefined ? `, listed at ${formatPrice(listing.price)}` : '';
  return `The home is ${listing.address}${price}${facts.length ? ` (${facts.join(', ')})` : ''}.`;
}

/** A plain draft from the command and the page when no LLM is configured: short, neutral, editable. */
export function templateDraft(command: DraftCommand, contactName: string | undefined, listing: Listing | undefined): Draft {
  const first = contactName?.split(' ')[0];
  const greeting = first ? `Hi ${first},` : 'Hi,';
  const lines = [opening(command.params.purpose), listingLine(listing)].filter(Boolean);
  if (command.params.channel === 'sms') return { channel: 'sms', body: `${greeting} ${lines.join(' ')}` };
  const subject = command.params.purpose
    .replace(/^(?:about|regarding|re:?|that|asking|to ask)\s+/i, '')
    .replace(/^./, (c) => c.toUpperCase());
  return {
    channel: 'email',
    subject: subject.slice(0, 120),
    body: `${greeting}\n\n${lines.join(' ')}\n\nLet me know if you have any questions or a good time to talk.\n\nBest regards,`,
  };
}
