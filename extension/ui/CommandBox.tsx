import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { parseCommand } from '../../shared/commands';
import {
  type CrmContact,
  type DraftResponse,
  isWrite,
  type PageContext,
  type ParsedCommand,
  type WriteCommand,
} from '../../shared/contracts';
import { WorkerError } from '../api/errors';
import { draft, execute, findContacts, localNow, plan } from '../api/worker';
import { db } from '../cache/db';
import { recent, remember } from '../cache/history';
import { enqueue, flush } from '../cache/outbox';
import { ConfirmCard } from './ConfirmCard';
import { ContactList } from './ContactList';
import { DraftCard } from './DraftCard';
import { INTENT_LABELS, summarize } from './describe';
import { OutboxList } from './OutboxList';
import { PropertyInsights } from './PropertyInsights';
import { SearchResults } from './SearchResults';

type Step =
  | { kind: 'idle' }
  | { kind: 'planning' }
  | { kind: 'confirm'; command: WriteCommand; why?: string }
  | { kind: 'draft'; streaming: string; response?: DraftResponse }
  | { kind: 'contacts'; contacts: CrmContact[] }
  | { kind: 'read'; command: ParsedCommand }
  | { kind: 'message'; text: string };

const failure = (err: unknown): Step => ({
  kind: 'message',
  text: err instanceof WorkerError || err instanceof Error ? err.message : String(err),
});

/**
 * One sentence in: a live preview from the local parser as the agent types; Enter plans it with the
 * worker; reads run at once; writes wait on the confirm card; ↑/↓ recall earlier commands.
 */
export function CommandBox({ page, prefill }: { page?: PageContext; prefill?: { text: string; at: number } }) {
  const [text, setText] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const history = useRef<{ items: string[]; index: number }>({ items: [], index: -1 });
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!prefill) return;
    setText(prefill.text);
    input.current?.focus();
  }, [prefill]);

  const preview = useMemo(() => (text.trim() ? parseCommand(text, { ...localNow(), page }) : undefined), [text, page]);

  async function submit() {
    const sentence = text.trim();
    if (!sentence) return;
    void remember(sentence);
    history.current.index = -1;
    setStep({ kind: 'planning' });
    try {
      const planned = await plan(sentence, page);
      const { command } = planned;
      if (command.intent === 'unknown')
        return setStep({ kind: 'message', text: planned.message ?? 'Estait could not tell what to do with that.' });
      if (isWrite(command.intent)) return setStep({ kind: 'confirm', command: command as WriteCommand });
      setText('');
      if (command.intent === 'draft_message') {
        setStep({ kind: 'draft', streaming: '' });
        const response = await draft(command, page, (so) => setStep({ kind: 'draft', streaming: so }));
        return setStep({ kind: 'draft', streaming: '', response });
      }
      if (command.intent === 'find_contact')
        return setStep({ kind: 'contacts', contacts: (await findContacts(command.params.query)).contacts });
      setStep({ kind: 'read', command });
    } catch (err) {
      setStep(failure(err));
    }
  }

  async function confirm(command: ParsedCommand) {
    const key = await enqueue(command);
    setText('');
    setStep({ kind: 'idle' });
    input.current?.focus();
    await flush(execute);
    // A lead the CRM already has: offer the agent's notes as a note on that contact instead.
    const sent = await db.outbox.get(key);
    if (command.intent === 'add_lead' && sent?.result?.status === 'duplicate') {
      const { contact } = sent.result;
      const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
      setStep({
        kind: 'confirm',
        command: {
          intent: 'add_note',
          confidence: 1,
          params: { contactId: contact.id, contact: name, text: command.params.notes ?? '' },
        },
        why: `${name} is already in your CRM. Add a note to them instead?`,
      });
    }
  }

  async function keys(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter') {
      e.preventDefault();
      void submit();
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const h = history.current;
      if (h.index === -1) h.items = await recent();
      h.index = Math.max(-1, Math.min(h.items.length - 1, h.index + (e.key === 'ArrowUp' ? 1 : -1)));
      setText(h.index === -1 ? '' : (h.items[h.index] ?? ''));
    } else if (e.key === 'Escape' && step.kind !== 'idle') setStep({ kind: 'idle' });
  }

  const guess = preview && preview.intent !== 'unknown' ? preview : undefined;
  return (
    <div className="flex flex-col gap-3">
      <div>
        <input
          ref={input}
          data-testid="command-input"
          aria-label="Command"
          placeholder="Add the listing agent as a lead, remind me to call her Friday…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => void keys(e)}
          className="w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none dark:border-slate-700 dark:bg-slate-900"
        />
        {text.trim() && (
          <p
            data-testid="command-preview"
            data-intent={preview?.intent}
            className="mt-1 truncate text-xs text-slate-600 dark:text-slate-400"
          >
            {guess ? (
              <>
                <span className="font-medium text-brand-700 dark:text-brand-100">{INTENT_LABELS[guess.intent]}</span> ·{' '}
                {summarize(guess).join(' · ')}
              </>
            ) : (
              'Press Enter and Estait will work it out.'
            )}
          </p>
        )}
      </div>
      {step.kind === 'planning' && <p className="text-sm text-slate-500">Working…</p>}
      {step.kind === 'confirm' && (
        <ConfirmCard
          key={JSON.stringify(step.command)}
          command={step.command}
          why={step.why}
          onConfirm={(c) => void confirm(c)}
          onCancel={() => setStep({ kind: 'idle' })}
        />
      )}
      {step.kind === 'draft' && <DraftCard streaming={step.streaming} response={step.response} />}
      {step.kind === 'contacts' && <ContactList contacts={step.contacts} />}
      {step.kind === 'read' && step.command.intent === 'search_properties' && <SearchResults criteria={step.command.params} />}
      {step.kind === 'read' && (step.command.intent === 'property_details' || step.command.intent === 'comparables') && (
        <section
          data-testid="read-card"
          className="flex flex-col gap-2 rounded-xl border border-slate-200 p-3 text-sm dark:border-slate-800"
        >
          <h2 className="font-semibold">
            {INTENT_LABELS[step.command.intent]}: {step.command.params.address ?? 'which property?'}
          </h2>
          {step.command.params.address && (
            <PropertyInsights address={step.command.params.address} withHistory={step.command.intent === 'property_details'} />
          )}
        </section>
      )}
      {step.kind === 'message' && (
        <p role="status" data-testid="command-message" className="text-sm text-slate-700 dark:text-slate-300">
          {step.text}
        </p>
      )}
      <OutboxList onRetry={() => void flush(execute)} />
    </div>
  );
}
