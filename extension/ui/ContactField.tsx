import { useEffect, useId, useRef } from 'react';
import { matchByName } from '../../shared/contacts';
import type { CrmContact, PageContact, Reference, Target } from '../../shared/contracts';
import { formatPhone, fullName } from '../../shared/format';
import { fold } from '../../shared/normalize';
import { isUnreachable } from '../api/errors';
import { explain, uncheckedName } from '../api/explain';
import { findAndKeepContacts as findContacts } from '../api/find-contacts';

/**
 * Who a write is for, as the agent sees and fixes it on the card. `chosen` is the CRM contact the
 * write goes to — always the one shown; `addNew` is a new lead to add first.
 */
export type ContactState = {
  name: string;
  status: Target['status'] | 'checking';
  contacts: CrmContact[];
  chosen?: CrmContact;
  /** The page's or the memory's contact id, when the CRM could not be asked about it. */
  fixedId?: string;
  addNew?: { firstName: string; lastName: string; phone: string; email: string };
  message?: string;
};

/** The card's first view of the contact, from the planned command and the worker's lookup. */
export function initialContact(params: { contact?: string; contactId?: string }, target: Target | undefined): ContactState {
  const name = params.contact ?? (target?.contacts.length === 1 ? fullName(target.contacts[0] ?? {}) : '');
  if (!target) return { name, status: 'unchecked', contacts: [], fixedId: params.contactId };
  const chosen = target.status === 'one' ? target.contacts[0] : undefined;
  return {
    name: chosen && !params.contact ? fullName(chosen) : name,
    status: target.status,
    contacts: target.contacts,
    chosen,
    fixedId: target.status === 'unchecked' ? params.contactId : undefined,
    message: target.message,
  };
}

const LOOKUP_DELAY_MS = 300;

/**
 * The new-lead form, from the typed name (the last word is the last name) and, when it is the
 * contact open in the tab, the phone and email the page shows.
 */
function newLeadFrom(name: string, shown: PageContact | undefined) {
  const words = name.trim().split(/\s+/);
  const lastName = words.length > 1 ? (words.pop() ?? '') : '';
  const same = shown?.name && fold(shown.name) === fold(name);
  return {
    firstName: words.join(' '),
    lastName,
    phone: (same && formatPhone(shown.phone)) || '',
    email: (same && shown.email) || '',
  };
}

const input =
  'rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';

export function ContactField({
  value,
  onChange,
  references,
  why,
  required,
  shown,
  canAdd = true,
}: {
  /** The contact open in the tab, whose details fill a new lead of the same name. */
  shown?: PageContact;
  value: ContactState;
  onChange: (next: ContactState) => void;
  references: Reference[];
  /** Why a remembered contact was meant ("added 2 min ago"). */
  why?: (ref: Reference) => string | undefined;
  required: boolean;
  /** Whether a new lead may be added first for a name not in the CRM (not for a task, which has its contact). */
  canAdd?: boolean;
}) {
  const id = useId();
  const typed = useRef(false);
  const latest = useRef(value);
  latest.current = value;

  // Editing the name looks the contact up again: the id written must be the one shown.
  useEffect(() => {
    if (!typed.current) return;
    const query = value.name.trim();
    if (!query) return onChange({ ...latest.current, status: 'unchecked', contacts: [], chosen: undefined, fixedId: undefined });
    const controller = new AbortController();
    const timer = setTimeout(() => {
      findContacts(query, controller.signal).then(
        ({ contacts }) => {
          const found = matchByName(query, contacts);
          onChange({
            ...latest.current,
            status: found.length === 1 ? 'one' : found.length ? 'many' : 'none',
            contacts: found,
            chosen: found.length === 1 ? found[0] : undefined,
            message: undefined,
          });
        },
        (err: unknown) =>
          !controller.signal.aborted &&
          onChange({
            ...latest.current,
            status: 'unchecked',
            contacts: [],
            message: isUnreachable(err) ? uncheckedName(query) : explain(err).text,
          }),
      );
    }, LOOKUP_DELAY_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [value.name, onChange]);

  const reference = references.find((r) => r.to === value.name || r.to === (value.chosen && fullName(value.chosen)));
  const set = (patch: Partial<ContactState>) => onChange({ ...value, ...patch });
  return (
    <div
      className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400"
      data-testid="contact-field"
      data-status={value.status}
    >
      <label htmlFor={id}>{required ? 'Contact' : 'Contact (optional)'}</label>
      <input
        id={id}
        name="contact"
        value={value.name}
        autoComplete="off"
        onChange={(e) => {
          typed.current = true;
          onChange({
            ...value,
            name: e.target.value,
            status: 'checking',
            chosen: undefined,
            fixedId: undefined,
            addNew: undefined,
          });
        }}
        className={input}
      />
      {reference && (
        <p data-testid="contact-reference" className="text-sky-800 dark:text-sky-200">
          “{reference.said}” → {reference.to}
          {reference.from === 'page' ? ', open in this tab' : why?.(reference) ? `, ${why(reference)}` : ', from earlier'}
        </p>
      )}
      {value.status === 'checking' && <p>Looking in your CRM…</p>}
      {value.chosen && (
        <p data-testid="contact-match" data-contact-id={value.chosen.id} className="text-emerald-800 dark:text-emerald-300">
          ✓ {fullName(value.chosen)}
          {[value.chosen.phone, value.chosen.email].filter(Boolean).length > 0 &&
            ` · ${[formatPhone(value.chosen.phone), value.chosen.email].filter(Boolean).join(' · ')}`}
        </p>
      )}
      {value.status === 'many' && (
        <fieldset data-testid="contact-choices" className="flex flex-col gap-0.5">
          <legend className="mb-0.5">Several contacts match — pick one:</legend>
          {value.contacts.map((c) => (
            <label key={c.id} className="flex items-center gap-2 text-slate-800 dark:text-slate-200">
              <input type="radio" name="contact-choice" checked={value.chosen?.id === c.id} onChange={() => set({ chosen: c })} />
              {fullName(c)}
              <span className="text-slate-600 dark:text-slate-400">
                {[formatPhone(c.phone), c.email].filter(Boolean).join(' · ')}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {value.status === 'none' && value.name.trim() && (
        <div data-testid="contact-none" className="flex flex-col gap-1">
          <p className="text-amber-800 dark:text-amber-300">No “{value.name.trim()}” in your CRM.</p>
          {canAdd && (
            <label className="flex items-center gap-2 text-slate-800 dark:text-slate-200">
              <input
                type="checkbox"
                name="add-new-lead"
                checked={!!value.addNew}
                onChange={(e) => set({ addNew: e.target.checked ? newLeadFrom(value.name, shown) : undefined })}
              />
              Add them as a new lead first
            </label>
          )}
          {value.addNew && (
            <div data-testid="new-lead" className="grid grid-cols-2 gap-1">
              {(
                [
                  ['firstName', 'New lead’s first name'],
                  ['lastName', 'New lead’s last name'],
                  ['phone', 'New lead’s phone'],
                  ['email', 'New lead’s email'],
                ] as const
              ).map(([key, label]) => (
                <label key={key} className="flex flex-col gap-0.5">
                  {label}
                  <input
                    name={`new-${key}`}
                    value={value.addNew?.[key] ?? ''}
                    onChange={(e) => value.addNew && set({ addNew: { ...value.addNew, [key]: e.target.value } })}
                    className={input}
                  />
                </label>
              ))}
            </div>
          )}
        </div>
      )}
      {value.status === 'unchecked' && (value.message || value.fixedId) && (
        <p className="text-slate-600 dark:text-slate-400">
          {value.fixedId ? `Contact #${value.fixedId}. ` : ''}
          {value.message ?? ''}
        </p>
      )}
    </div>
  );
}
