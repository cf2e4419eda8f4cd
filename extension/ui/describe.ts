import type { ParsedCommand } from '../../shared/contracts';
import { formatClock, formatPrice, formatWhen, fullName } from '../../shared/format';

export const INTENT_LABELS: Record<ParsedCommand['intent'], string> = {
  add_lead: 'Add lead',
  add_note: 'Add note',
  create_task: 'Create task',
  schedule_showing: 'Schedule showing',
  search_properties: 'Search listings',
  property_details: 'Property details',
  comparables: 'Comparables',
  find_contact: 'Find contact',
  draft_message: 'Draft message',
  log_call: 'Log call',
  save_listing: 'Save listing',
  complete_task: 'Mark task done',
  agenda: 'Your day',
  unknown: 'Not sure yet',
};

const OUTCOME_WORDS = { connected: 'connected', left_voicemail: 'left voicemail', no_answer: 'no answer' } as const;

/** A command in a few words, for the live preview and card titles. */
export function summarize(command: ParsedCommand): string[] {
  switch (command.intent) {
    case 'add_lead': {
      const p = command.params;
      return [fullName(p), p.phone, p.email, p.source && `from ${p.source}`, p.notes].filter((x): x is string => !!x);
    }
    case 'add_note':
      return [
        command.params.contact ?? (command.params.contactId ? 'this contact' : 'no contact yet'),
        `“${command.params.text}”`,
      ];
    case 'create_task':
      return [
        command.params.title,
        command.params.contact ?? (command.params.contactId && 'this contact'),
        formatWhen(command.params.due),
      ].filter((x): x is string => !!x);
    case 'schedule_showing':
      return [
        command.params.address,
        command.params.contact ?? (command.params.contactId && 'this contact'),
        formatWhen(command.params.start),
      ].filter((x): x is string => !!x);
    case 'search_properties': {
      const p = command.params;
      const price =
        p.priceMin !== undefined && p.priceMax !== undefined
          ? `${formatPrice(p.priceMin)}–${formatPrice(p.priceMax)}`
          : p.priceMax !== undefined
            ? `≤ ${formatPrice(p.priceMax)}`
            : p.priceMin !== undefined
              ? `≥ ${formatPrice(p.priceMin)}`
              : undefined;
      return [
        p.location,
        p.propertyType?.replace('_', ' '),
        p.bedsMin !== undefined && `${p.bedsMin}+ bd`,
        p.bathsMin !== undefined && `${p.bathsMin}+ ba`,
        price,
        ...(p.features ?? []),
      ].filter((x): x is string => !!x);
    }
    case 'property_details':
    case 'comparables':
      return [command.params.address ?? 'which property?'];
    case 'find_contact':
      return [command.params.query];
    case 'draft_message':
      return [
        command.params.channel === 'sms' ? 'Text' : 'Email',
        command.params.contact ?? (command.params.contactId && 'this contact') ?? command.params.phone ?? command.params.email,
        command.params.purpose,
      ].filter((x): x is string => !!x);
    case 'log_call':
      return [
        command.params.contact ?? (command.params.contactId ? 'this contact' : 'no contact yet'),
        command.params.outcome && OUTCOME_WORDS[command.params.outcome],
        command.params.notes,
      ].filter((x): x is string => !!x);
    case 'save_listing':
      return [
        command.params.listing.address,
        command.params.contact ?? (command.params.contactId ? 'this contact' : 'no contact yet'),
        command.params.note,
      ].filter((x): x is string => !!x);
    case 'complete_task':
      return [
        command.params.task ? `“${command.params.task}”` : 'which task?',
        command.params.contact ?? (command.params.contactId && 'this contact'),
      ].filter((x): x is string => !!x);
    case 'agenda':
      return [formatWhen(command.params.date) ?? 'today'];
    case 'unknown':
      return [];
  }
}

/** How long ago something was saved, as people say it: "just now", "4 min ago", "2 h ago", "3 days ago". */
export function timeAgo(at: number, now = Date.now()): string {
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return `${days} ${days === 1 ? 'day' : 'days'} ago`;
}

/** A day, or a day and time, as the agent reads it: "Today, 3:30 PM", else "Fri, Dec 4, 3:30 PM". */
export const dayOf = (local: string, now: string) =>
  local.slice(0, 10) === now.slice(0, 10) ? ['Today', formatClock(local)].filter(Boolean).join(', ') : formatWhen(local);
