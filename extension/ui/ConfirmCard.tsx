import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { type Consent, ParsedCommand, type WriteCommand } from '../../shared/contracts';
import { INTENT_LABELS } from './describe';
import { useAddressSuggestions } from './useAddressSuggestions';

/** The editable fields of each write, in the order the agent reads them. */
const FIELDS: { [I in WriteCommand['intent']]: { key: string; label: string; type?: string }[] } = {
  add_lead: [
    { key: 'firstName', label: 'First name' },
    { key: 'lastName', label: 'Last name' },
    { key: 'phone', label: 'Phone (+1…)' },
    { key: 'email', label: 'Email', type: 'email' },
    { key: 'source', label: 'Source' },
    { key: 'notes', label: 'Notes' },
  ],
  add_note: [
    { key: 'contact', label: 'Contact' },
    { key: 'text', label: 'Note' },
  ],
  create_task: [
    { key: 'title', label: 'Task' },
    { key: 'contact', label: 'Contact' },
    { key: 'due', label: 'Due (YYYY-MM-DD or …THH:mm)' },
  ],
  schedule_showing: [
    { key: 'address', label: 'Address' },
    { key: 'contact', label: 'Contact' },
    { key: 'start', label: 'Start (YYYY-MM-DDTHH:mm)' },
  ],
};

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

/**
 * Every write waits here: the agent checks and edits the fields, Enter confirms, Esc cancels.
 * Nothing is sent to the CRM before this.
 */
export function ConfirmCard({
  command,
  onConfirm,
  onCancel,
  why,
}: {
  command: WriteCommand;
  onConfirm: (c: ParsedCommand) => void;
  onCancel: () => void;
  /** Why this card is offered, when Estait proposes it rather than the agent asking. */
  why?: string;
}) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      Object.entries(command.params)
        .filter(([k]) => k !== 'consent')
        .map(([k, v]) => [k, String(v ?? '')]),
    ),
  );
  const [consent, setConsent] = useState({ given: false, text: CONSENT_TEXT, source: '' });
  const [problem, setProblem] = useState<string>();
  const suggestions = useAddressSuggestions(values.address ?? '');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const confirm = () => {
    const params = Object.fromEntries(
      Object.entries(values)
        .filter(([, v]) => v.trim() !== '')
        .map(([k, v]) => [k, v.trim()]),
    );
    const record = command.intent === 'add_lead' ? consentFrom(consent) : undefined;
    const parsed = ParsedCommand.safeParse({
      intent: command.intent,
      confidence: 1,
      params: record ? { ...params, consent: record } : params,
    });
    if (!parsed.success) {
      setProblem(parsed.error.issues.map((i) => `${String(i.path.at(-1) ?? 'field')}: ${i.message}`).join(' · '));
      return;
    }
    onConfirm(parsed.data);
  };
  const keys = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      confirm();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };

  return (
    <section
      data-testid="confirm-card"
      aria-label={`Confirm: ${INTENT_LABELS[command.intent]}`}
      onKeyDown={keys}
      className="rounded-xl border-2 border-brand-600 p-3"
    >
      <h2 className="text-sm font-semibold">{INTENT_LABELS[command.intent]}</h2>
      {why && (
        <p data-testid="confirm-why" className="text-xs text-sky-800 dark:text-sky-200">
          {why}
        </p>
      )}
      {!why && 'contactId' in command.params && command.params.contactId && (
        <p className="text-xs text-slate-500">For the contact open in this tab (#{command.params.contactId})</p>
      )}
      <div className="mt-2 flex flex-col gap-2">
        {FIELDS[command.intent].map((field, i) => (
          <label key={field.key} className="flex flex-col gap-0.5 text-xs text-slate-600 dark:text-slate-400">
            {field.label}
            <input
              ref={i === 0 ? first : undefined}
              name={field.key}
              type={field.type ?? 'text'}
              list={field.key === 'address' ? 'estait-address-suggestions' : undefined}
              value={values[field.key] ?? ''}
              onChange={(e) => setValues((v) => ({ ...v, [field.key]: e.target.value }))}
              className="rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
            />
          </label>
        ))}
      </div>
      {command.intent === 'add_lead' && (
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
                  className="rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
                />
              </label>
              <label className="flex flex-col gap-0.5">
                How (e.g. open-house sign-in sheet)
                <input
                  name="consentSource"
                  value={consent.source}
                  onChange={(e) => setConsent((c) => ({ ...c, source: e.target.value }))}
                  className="rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
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
      {problem && (
        <p role="alert" className="mt-2 text-xs text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
      <div className="mt-3 flex gap-2">
        <button
          type="button"
          onClick={confirm}
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
        >
          Confirm <kbd className="opacity-70">⏎</kbd>
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          Cancel <kbd className="opacity-70">Esc</kbd>
        </button>
      </div>
    </section>
  );
}
