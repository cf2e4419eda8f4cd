import { useState } from 'react';
import { splitName, toE164 } from '../../shared/commands/text';
import type { CrmContact, WriteCommand } from '../../shared/contracts';
import { formatPhone, fullName } from '../../shared/format';
import { ContactBrief } from './ContactBrief';
import { type ContactActions, NEXT_STEPS } from './next-steps';

type AddLead = Extract<WriteCommand, { intent: 'add_lead' }>;

/** The lead to add when no contact matches what was looked up: the email, the phone or the name, filled in. */
export function leadFor(query: string): AddLead {
  const q = query.trim();
  const phone = /@/.test(q) ? undefined : toE164(q);
  const params = /@/.test(q) ? { firstName: '', email: q.toLowerCase() } : phone ? { firstName: '', phone } : splitName(q);
  return { intent: 'add_lead', confidence: 1, params };
}

const button =
  'rounded-full border border-brand-600 px-2 py-0.5 text-xs text-brand-700 hover:bg-brand-50 dark:text-brand-100 dark:hover:bg-slate-800';

/**
 * The contacts a lookup found, each with what to do next and its brief; one contact found is its
 * brief at once ("who is Dana"). When none matches, the lead to add with what was looked up filled in.
 */
export function ContactList({
  query,
  contacts,
  actions,
  onSay,
  onAddLead,
}: {
  query: string;
  contacts: CrmContact[];
  actions: ContactActions;
  onSay: (sentence: string) => void;
  onAddLead: (lead: AddLead) => void;
}) {
  const [open, setOpen] = useState<string>();
  const [only] = contacts;
  if (contacts.length === 1 && only)
    return (
      <div data-testid="contact-results">
        <ContactBrief briefRef={{ id: only.id }} known={only} actions={actions} />
      </div>
    );
  if (!contacts.length)
    return (
      <section data-testid="contact-none" className="flex flex-col items-start gap-2 text-sm text-slate-600 dark:text-slate-400">
        <p>No contact matches “{formatPhone(query)}”.</p>
        <button type="button" onClick={() => onAddLead(leadFor(query))} className={button}>
          Add as lead
        </button>
      </section>
    );
  return (
    <ul
      data-testid="contact-results"
      className="divide-y divide-slate-100 rounded-xl border border-slate-200 dark:divide-slate-900 dark:border-slate-800"
    >
      {contacts.map((c) => (
        <li key={c.id} className="flex flex-col gap-1 px-3 py-2 text-sm">
          <p className="font-medium">{fullName(c)}</p>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {[formatPhone(c.phone), c.email].filter(Boolean).join(' · ')}
          </p>
          <div className="flex flex-wrap gap-1">
            <button
              type="button"
              aria-expanded={open === c.id}
              aria-label={`Brief: ${fullName(c)}`}
              onClick={() => setOpen(open === c.id ? undefined : c.id)}
              className={button}
            >
              Brief
            </button>
            {NEXT_STEPS.slice(0, 3).map(([label, say]) => (
              <button
                key={label}
                type="button"
                // Several contacts may be listed: each button names whose it is.
                aria-label={`${label}: ${fullName(c)}`}
                onClick={() => onSay(say(fullName(c)))}
                className={button}
              >
                {label}
              </button>
            ))}
          </div>
          {open === c.id && <ContactBrief briefRef={{ id: c.id }} known={c} actions={actions} />}
        </li>
      ))}
    </ul>
  );
}
