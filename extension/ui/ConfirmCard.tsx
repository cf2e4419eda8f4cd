import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { hasLocalPhone, toE164 } from '../../shared/commands/text';
import {
  type Consent,
  type CrmTask,
  type PageContact,
  ParsedCommand,
  type Reference,
  type Target,
  WriteCommand,
} from '../../shared/contracts';
import { formatFacts, formatPhone, formatPrice, fullName } from '../../shared/format';
import type { Confirmed } from '../commands/flow';
import { getAreaCode } from '../settings';
import { ContactField, type ContactState, initialContact } from './ContactField';
import { INTENT_LABELS } from './describe';
import { TaskPick } from './TaskPick';
import { useAddressSuggestions } from './useAddressSuggestions';
import { type When, WhenField, whenOf, whenValue } from './WhenField';

type Intent = WriteCommand['intent'];

const textOf = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The plain text fields of each write, in the order the agent reads them. */
const FIELDS: { [I in Intent]: { key: string; label: string; type?: string }[] } = {
  add_lead: [
    { key: 'firstName', label: 'First name' },
    { key: 'lastName', label: 'Last name' },
    { key: 'phone', label: 'Phone', type: 'tel' },
    { key: 'email', label: 'Email', type: 'email' },
    { key: 'source', label: 'Source' },
    { key: 'notes', label: 'Notes' },
  ],
  add_note: [{ key: 'text', label: 'Note' }],
  create_task: [{ key: 'title', label: 'Task' }],
  schedule_showing: [{ key: 'address', label: 'Address' }],
  log_call: [{ key: 'notes', label: 'Notes' }],
  save_listing: [{ key: 'note', label: 'Note (optional)' }],
  complete_task: [],
};

/** Writes that cannot go without knowing who they are for. */
const NEEDS_CONTACT: Intent[] = ['add_note', 'log_call', 'save_listing'];
/** The date field of each write that has one. */
const WHEN: Partial<Record<Intent, { key: 'due' | 'start'; label: string; timeRequired: boolean }>> = {
  create_task: { key: 'due', label: 'Due', timeRequired: false },
  schedule_showing: { key: 'start', label: 'Start', timeRequired: true },
};
const OUTCOMES = [
  ['', 'Not said'],
  ['connected', 'Connected'],
  ['left_voicemail', 'Left voicemail'],
  ['no_answer', 'No answer'],
] as const;

/** What a lead who agrees to calls and texts is taken to have agreed to; the agent may edit it. */
export const CONSENT_TEXT = 'Agreed to receive calls and text messages about real estate from me at the number above.';

/** A consent record, dated now, if the agent ticked the box. */
function consentFrom(form: { given: boolean; text: string; source: string }): Consent | undefined {
  if (!form.given) return undefined;
  return {
    channels: ['sms', 'call'],
    text: form.text.trim() || CONSENT_TEXT,
    at: new Date().toISOString(),
    source: form.source.trim() || 'Told me directly',
  };
}

/** A phone as typed, in E.164, or a reason it cannot be one. */
function phoneOf(typed: string, areaCode: string | undefined): { phone?: string; problem?: string } {
  if (!typed.trim()) return {};
  const phone = toE164(typed, areaCode);
  if (phone) return { phone };
  const local = typed.replace(/\D/g, '').length === 7;
  return {
    problem: local
      ? 'Phone: add the area code, or set yours in Estait’s options.'
      : 'Phone: that is not a phone number (e.g. (512) 555-0100).',
  };
}

/**
 * Why the card cannot be confirmed as it stands, if it cannot; `inField` when the contact field
 * already says it ("not in your CRM", "pick one"), so the card does not say it twice.
 */
function blocker(
  intent: Intent,
  contact: ContactState,
  values: Record<string, string>,
  when: When,
  task: CrmTask | undefined,
): { message: string; inField?: boolean } | undefined {
  const name = contact.name.trim();
  if (contact.status === 'checking') return { message: 'Checking your CRM for that contact…', inField: !!name };
  if (NEEDS_CONTACT.includes(intent) && !name && !contact.fixedId) return { message: 'Say who this is for.' };
  if (name && contact.status === 'many' && !contact.chosen)
    return { message: `Several contacts match “${name}”: pick one.`, inField: true };
  // A task already has its contact: a name that finds no one narrows nothing (all open tasks are offered).
  if (name && contact.status === 'none' && !contact.addNew && intent !== 'complete_task')
    return { message: `“${name}” is not in your CRM: add them as a new lead first, or change the name.`, inField: true };
  // The task list says itself what is missing (reading, none open, pick one): the card does not repeat it.
  if (intent === 'complete_task' && !task) return { message: 'Pick the task that is done.', inField: true };
  const message = cardBlocker(intent, contact, values, when);
  return message ? { message } : undefined;
}

function cardBlocker(intent: Intent, contact: ContactState, values: Record<string, string>, when: When): string | undefined {
  if (contact.addNew && !contact.addNew.firstName.trim()) return 'The new lead needs a first name.';
  if (intent === 'schedule_showing' && !values.address?.trim()) return 'Say which property the showing is for.';
  if (intent === 'schedule_showing' && !(when.date && when.time)) return 'Pick a day and a time for the showing.';
  if (WHEN[intent] && !when.date && when.time) return 'Pick a day for that time.';
  return undefined;
}

/**
 * Every write waits here: the agent checks and edits it, Enter confirms, Esc cancels. Nothing is
 * sent to the CRM before this, and nothing is sent without the target the card shows.
 */
export function ConfirmCard({
  command,
  references,
  target,
  why,
  remembered,
  shown,
  onConfirm,
  onCancel,
}: {
  /** The contact open in the tab, if any. */
  shown?: PageContact;
  command: WriteCommand;
  references: Reference[];
  target?: Target;
  /** Why Estait offers this card, when it proposes it rather than the agent asking. */
  why?: string;
  /** Why a remembered contact was meant ("added 2 min ago"). */
  remembered?: (ref: Reference) => string | undefined;
  onConfirm: (confirmed: Confirmed) => void;
  onCancel: () => void;
}) {
  const intent = command.intent;
  // Read field by field, by name: every write's params are one flat record of values.
  const params: Readonly<Record<string, unknown>> = command.params;
  // A saved listing is the one the page or the memory had: shown, not edited.
  const listing = command.intent === 'save_listing' ? command.params.listing : undefined;
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      FIELDS[intent].map(({ key }) => {
        const value = textOf(params[key]) ?? '';
        return [key, key === 'phone' ? (formatPhone(value) ?? '') : value];
      }),
    ),
  );
  const [outcome, setOutcome] = useState(typeof params.outcome === 'string' ? params.outcome : '');
  const [when, setWhen] = useState<When>(() => whenOf(WHEN[intent] && textOf(params[WHEN[intent].key])));
  const [contact, setContact] = useState<ContactState>(() =>
    initialContact({ contact: textOf(params.contact), contactId: textOf(params.contactId) }, target),
  );
  const [consent, setConsent] = useState({ given: false, text: CONSENT_TEXT, source: '' });
  const [task, setTask] = useState<CrmTask>();
  const [areaCode, setAreaCode] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const suggestions = useAddressSuggestions(values.address ?? '');
  const first = useRef<HTMLInputElement>(null);
  const section = useRef<HTMLElement>(null);
  // A listing to save with no one named yet: who it is for is what the agent types first.
  const [whoFirst] = useState(() => !!listing && !contact.name);
  useEffect(() => {
    const who = whoFirst ? section.current?.querySelector<HTMLInputElement>('input[name="contact"]') : null;
    (who ?? first.current)?.focus();
  }, [whoFirst]);
  useEffect(() => void getAreaCode().then(setAreaCode), []);

  const block = intent === 'add_lead' ? undefined : blocker(intent, contact, values, when, task);
  const blocked = block?.message;
  const saidInField = !!block?.inField;
  // "555-0117" typed with no area code saved stays in the notes: say where it went.
  const localPhoneInNotes = intent === 'add_lead' && !values.phone?.trim() && hasLocalPhone(values.notes ?? '');

  const confirm = () => {
    if (blocked) return setProblem(blocked);
    // A lead offered for an email or a phone alone has no name yet.
    if (intent === 'add_lead' && !values.firstName?.trim()) return setProblem('The new lead needs a first name.');
    const fields = Object.fromEntries(
      Object.entries(values)
        .filter(([, v]) => v.trim() !== '')
        .map(([k, v]) => [k, v.trim()]),
    );
    const phone = phoneOf(fields.phone ?? contact.addNew?.phone ?? '', areaCode);
    if (phone.problem) return setProblem(phone.problem);
    const next: Record<string, unknown> = { ...fields };
    if (intent === 'add_lead') {
      if (phone.phone) next.phone = phone.phone;
      const record = consentFrom(consent);
      if (record) next.consent = record;
    } else {
      const name = contact.name.trim();
      if (contact.chosen) Object.assign(next, { contactId: contact.chosen.id, contact: fullName(contact.chosen) });
      else if (contact.fixedId) Object.assign(next, { contactId: contact.fixedId, ...(name && { contact: name }) });
      else if (name) next.contact = name;
    }
    if (WHEN[intent]) next[WHEN[intent].key] = whenValue(when);
    if (intent === 'log_call' && outcome) next.outcome = outcome;
    if (listing) next.listing = listing;
    if (intent === 'complete_task' && task) Object.assign(next, { taskId: task.id, task: task.title.slice(0, 200) });
    const parsed = WriteCommand.safeParse({ intent, confidence: 1, params: next });
    if (!parsed.success)
      return setProblem(parsed.error.issues.map((i) => `${String(i.path.at(-1) ?? 'field')}: ${i.message}`).join(' · '));
    let addFirst: Confirmed['addFirst'];
    if (contact.addNew && !contact.chosen) {
      const lead = ParsedCommand.safeParse({
        intent: 'add_lead',
        confidence: 1,
        params: Object.fromEntries(
          Object.entries({ ...contact.addNew, phone: phone.phone ?? '' }).filter(([, v]) => v.trim() !== ''),
        ),
      });
      if (!lead.success || lead.data.intent !== 'add_lead')
        return setProblem(`New lead: ${lead.error?.issues.map((i) => `${String(i.path.at(-1))}: ${i.message}`).join(' · ')}`);
      addFirst = lead.data;
    }
    onConfirm({ command: parsed.data, ...(addFirst && { addFirst }) });
  };
  const keys = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      confirm();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };

  const inputClass =
    'rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';
  const dateField = WHEN[intent];
  const contactField = intent !== 'add_lead' && (
    <ContactField
      value={contact}
      onChange={setContact}
      references={references}
      why={remembered}
      shown={shown}
      required={NEEDS_CONTACT.includes(intent)}
      canAdd={intent !== 'complete_task'}
    />
  );
  return (
    <section
      ref={section}
      data-testid="confirm-card"
      data-blocked={blocked ? 'true' : 'false'}
      aria-label={`Confirm: ${INTENT_LABELS[intent]}`}
      onKeyDown={keys}
      className="rounded-xl border-2 border-brand-600 p-3"
    >
      <h2 className="text-sm font-semibold">{INTENT_LABELS[intent]}</h2>
      {why && (
        <p data-testid="confirm-why" className="text-xs text-sky-800 dark:text-sky-200">
          {why}
        </p>
      )}
      <div className="mt-2 flex flex-col gap-2">
        {listing && (
          <div data-testid="saved-listing" className="rounded-md bg-slate-50 p-2 text-xs dark:bg-slate-900">
            <p className="text-sm font-medium text-slate-900 dark:text-slate-100">{listing.address}</p>
            <p className="text-slate-600 dark:text-slate-400">
              {[formatPrice(listing.price), formatFacts(listing), listing.mlsId && `MLS # ${listing.mlsId}`]
                .filter(Boolean)
                .join(' · ')}
            </p>
            {/* A listing pointed at from memory ("this house" said on another page) says so: it is not the one in view. */}
            {references
              .filter((r) => r.to === listing.address)
              .map((r) => (
                <p key={r.said} data-testid="listing-reference" className="mt-1 text-sky-800 dark:text-sky-200">
                  “{r.said}” →{' '}
                  {r.from === 'recent' ? 'the listing you looked at earlier, not one on this page' : 'the listing in this tab'}
                </p>
              ))}
          </div>
        )}
        {listing && contactField}
        {FIELDS[intent].map((field, i) => (
          <label key={field.key} className="flex flex-col gap-0.5 text-xs text-slate-600 dark:text-slate-400">
            {field.label}
            <input
              ref={i === 0 ? first : undefined}
              name={field.key}
              type={field.type ?? 'text'}
              list={field.key === 'address' ? 'estait-address-suggestions' : undefined}
              value={values[field.key] ?? ''}
              onChange={(e) => setValues((v) => ({ ...v, [field.key]: e.target.value }))}
              className={inputClass}
            />
          </label>
        ))}
        {references
          .filter((r) => r.to === values.address)
          .map((r) => (
            <p key={r.said} data-testid="address-reference" className="text-xs text-sky-800 dark:text-sky-200">
              {r.said === 'the showing' ? 'The listing in this tab' : `“${r.said}” → this address`}
              {r.from === 'recent' ? ', from earlier' : ''}
            </p>
          ))}
        {!listing && contactField}
        {intent === 'log_call' && (
          <label className="flex flex-col gap-0.5 text-xs text-slate-600 dark:text-slate-400">
            Outcome
            <select name="outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)} className={inputClass}>
              {OUTCOMES.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        )}
        {intent === 'complete_task' && (
          <TaskPick
            said={typeof params.task === 'string' ? params.task : undefined}
            contactId={contact.chosen?.id ?? contact.fixedId}
            // Several contacts match, or the CRM is still asked: their tasks, not everyone's, once settled.
            awaitingContact={(contact.status === 'many' && !contact.chosen) || contact.status === 'checking'}
            value={task?.id ?? (typeof params.taskId === 'string' ? params.taskId : undefined)}
            onChange={setTask}
          />
        )}
        {dateField && <WhenField label={dateField.label} value={when} onChange={setWhen} timeRequired={dateField.timeRequired} />}
      </div>
      {localPhoneInNotes && (
        <p data-testid="local-phone-hint" className="mt-1 text-xs text-amber-800 dark:text-amber-300">
          The phone in the notes has no area code: type it in Phone with one, or set yours in Estait’s options.
        </p>
      )}
      {intent === 'add_lead' && (
        <fieldset className="mt-2 flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400">
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              name="consent"
              checked={consent.given}
              onChange={(e) => setConsent((c) => ({ ...c, given: e.target.checked }))}
            />
            They agreed to calls and texts (recorded with today’s date)
          </label>
          {consent.given && (
            <>
              <label className="flex flex-col gap-0.5">
                What they agreed to
                <input
                  name="consentText"
                  value={consent.text}
                  onChange={(e) => setConsent((c) => ({ ...c, text: e.target.value }))}
                  className={inputClass}
                />
              </label>
              <label className="flex flex-col gap-0.5">
                How (e.g. open-house sign-in sheet)
                <input
                  name="consentSource"
                  value={consent.source}
                  onChange={(e) => setConsent((c) => ({ ...c, source: e.target.value }))}
                  className={inputClass}
                />
              </label>
            </>
          )}
        </fieldset>
      )}
      <datalist id="estait-address-suggestions" data-testid="address-suggestions">
        {suggestions.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      {(problem ?? (blocked && !saidInField)) && (
        <p role="alert" data-testid="confirm-problem" className="mt-2 text-xs text-red-700 dark:text-red-400">
          {problem ?? blocked}
        </p>
      )}
      <div className="mt-3 flex gap-2">
        <button
          type="button"
          onClick={confirm}
          disabled={!!blocked}
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-50"
        >
          Confirm <kbd>⏎</kbd>
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
    </section>
  );
}
