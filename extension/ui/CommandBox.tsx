import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { parseCommand } from '../../shared/commands';
import { joinLines } from '../../shared/commands/context';
import { placeNamed } from '../../shared/commands/places';
import type { PageContext, Recent, Reference } from '../../shared/contracts';
import { formatPhone } from '../../shared/format';
import { connection } from '../api/connection';
import type { Cause } from '../api/explain';
import { watchSessionChanges } from '../api/session-changes';
import { draft, execute, findContacts, localNow, plan } from '../api/worker';
import { db } from '../cache/db';
import { recent as recentCommands, remember as rememberText } from '../cache/history';
import { enqueueAll, flush } from '../cache/outbox';
import { CommandFlow, type Step } from '../commands/flow';
import { planLocally } from '../commands/local-plan';
import { type Mention, recall, remember, thisWindow, watchMemory, whyRemembered } from '../memory';
import { getAreaCode } from '../settings';
import { ConfirmCard } from './ConfirmCard';
import { ContactList } from './ContactList';
import { DraftCard } from './DraftCard';
import { INTENT_LABELS, summarize } from './describe';
import { OutboxList } from './OutboxList';
import { PropertyInsights } from './PropertyInsights';
import { SearchResults } from './SearchResults';
import { usePassing } from './useConnection';

/** The flow wired to the worker, the outbox and this window's memory. */
function makeFlow(onStep: (step: Step) => void) {
  return new CommandFlow(
    {
      plan,
      planLocally,
      online: async () => (await connection()).online,
      draft,
      findContacts,
      execute,
      enqueue: (commands) => enqueueAll(commands),
      flush,
      outcome: async (key) => (await db.outbox.get(key))?.result,
      recall: async () => recall(await thisWindow()),
      areaCode: getAreaCode,
      remember: async (mention: Mention) => remember(await thisWindow(), mention),
      rememberText,
    },
    onStep,
  );
}

/** Why a card was read here rather than by the worker, and what becomes of it once confirmed. */
const READ_HERE: Record<Cause, string> = {
  offline: 'Estait can’t reach its server, so this was read here. Confirm it and it waits in Recent until the server is back.',
  paused:
    'Estait’s server asked for a short pause, so this was read here. Confirm it and it waits in Recent until the pause ends.',
  signed_out:
    'You’re not connected to your CRM yet, so this was read here. Connect it on Estait’s options page; a write you confirm waits in Recent until then.',
};

/**
 * A sentence put in the box from outside (a right-click, the shortcut): `run` plans it at once, as
 * Enter would; `hint` says what to do with text Estait could not read.
 */
export type Prefill = { text: string; at: number; run?: boolean; hint?: string };

/**
 * One sentence in: a live preview from the local parser as the agent types; Enter plans it with the
 * worker; reads run at once; writes wait on the confirm card; ↑/↓ recall earlier commands.
 */
export function CommandBox({
  page,
  prefill,
  onAct,
}: {
  page?: PageContext;
  prefill?: Prefill;
  /** The agent did something in the box: whatever was handed over from the page is done with. */
  onAct?: () => void;
}) {
  const [text, setText] = useState('');
  const [hint, setHint] = useState<string>();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [memory, setMemory] = useState<Recent>({});
  const [areaCode, setAreaCode] = useState<string>();
  const flow = useMemo(() => makeFlow(setStep), []);
  const history = useRef<{ items: string[]; index: number }>({ items: [], index: -1 });
  const input = useRef<HTMLInputElement>(null);

  // Only a new prefill runs: the page it ran with may change later without running it again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above.
  useEffect(() => {
    if (!prefill) return;
    setText(prefill.text);
    setHint(prefill.hint);
    input.current?.focus();
    if (prefill.run) submit(prefill.text, true);
    // Text from the page to say what to do with replaces the card of an earlier one.
    else if (prefill.hint) flow.cancel();
  }, [prefill]);

  /** Anything the agent does here ends what the page handed over. */
  const act = () => {
    setHint(undefined);
    onAct?.();
  };
  useEffect(() => () => flow.cancel(), [flow]);
  // What an outage, a pause or a missing sign-in said goes once it has passed.
  usePassing((cause) => flow.passed(cause));
  useEffect(() => watchSessionChanges(() => flow.passed('signed_out')), [flow]);
  // The live preview reads "him" and "555-0144" the way Enter will: with this window's memory,
  // kept current as it changes, and the agent's area code.
  useEffect(() => {
    void getAreaCode().then(setAreaCode);
    // The place index is built on first use (~40 ms): build it while the panel is idle, not on a keystroke.
    const idle = requestIdleCallback(() => placeNamed('Austin'));
    const unwatch = watchMemory(setMemory);
    return () => {
      cancelIdleCallback(idle);
      unwatch();
    };
  }, []);

  const preview = useMemo(
    () => (text.trim() ? parseCommand(text, { ...localNow(), page, recent: memory, areaCode }) : undefined),
    [text, page, memory, areaCode],
  );

  /** `fromPage`: run for a right-click, which is not the agent acting in the box. */
  function submit(sentence = text, fromPage = false) {
    if (!fromPage) act();
    history.current.index = -1;
    if (sentence !== text) setText(sentence);
    void flow.submit(sentence, page).then(() => {
      // A read or a draft is done with the sentence; a card or a decline keeps it for editing, and a
      // read made without the worker keeps it to run again once the server answers.
      const { step } = flow;
      const keep = step.kind === 'confirm' || step.kind === 'declined' || step.kind === 'message';
      if (!keep && !(step.kind === 'read' && step.readHere)) setText('');
    });
  }

  async function keys(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter') {
      e.preventDefault();
      submit();
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const h = history.current;
      if (h.index === -1) h.items = await recentCommands();
      h.index = Math.max(-1, Math.min(h.items.length - 1, h.index + (e.key === 'ArrowUp' ? 1 : -1)));
      setText(h.index === -1 ? '' : (h.items[h.index] ?? ''));
    } else if (e.key === 'Escape' && step.kind !== 'idle') {
      act();
      flow.cancel();
    }
  }

  // Why a pronoun meant who it did, from the memory the sentence was read with.
  const remembered = (ref: Reference) => {
    const contact = (step.kind === 'confirm' ? step.recent : memory)?.contact;
    return ref.from === 'recent' && contact?.name === ref.to ? whyRemembered(contact) : undefined;
  };
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
          onChange={(e) => {
            act();
            setText(e.target.value);
          }}
          onPaste={(e) => {
            // A pasted signature or address keeps its lines apart (an input would run them together).
            const pasted = e.clipboardData.getData('text');
            if (!/[\r\n]/.test(pasted)) return;
            e.preventDefault();
            const { selectionStart: from, selectionEnd: to } = e.currentTarget;
            setText((t) => `${t.slice(0, from ?? t.length)}${joinLines(pasted)}${t.slice(to ?? t.length)}`);
          }}
          onKeyDown={(e) => void keys(e)}
          className="w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none dark:border-slate-700 dark:bg-slate-900"
        />
        {hint && (
          <p data-testid="command-hint" role="status" className="mt-1 text-xs text-amber-800 dark:text-amber-200">
            {hint}
          </p>
        )}
        {text.trim() && !hint && (
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
            ) : step.kind === 'declined' ? null : (
              'Press Enter and Estait will work it out.'
            )}
          </p>
        )}
      </div>
      {step.kind === 'planning' && <p className="text-sm text-slate-500">Working…</p>}
      {step.kind === 'confirm' && step.readHere && (
        <p data-testid="read-here-note" data-cause={step.readHere} className="text-xs text-amber-800 dark:text-amber-200">
          {READ_HERE[step.readHere]}
        </p>
      )}
      {step.kind === 'confirm' && (
        <ConfirmCard
          key={JSON.stringify(step.command)}
          command={step.command}
          references={step.references}
          target={step.target}
          why={step.why}
          remembered={remembered}
          shown={page?.kind === 'contact' ? page.contact : undefined}
          onConfirm={(confirmed) => {
            act();
            setText('');
            input.current?.focus();
            void flow.confirm(confirmed);
          }}
          onCancel={() => {
            act();
            flow.cancel();
          }}
        />
      )}
      {step.kind === 'draft' && <DraftCard command={step.command} streaming={step.streaming} response={step.response} />}
      {step.kind === 'contacts' && (
        <ContactList
          query={step.query}
          contacts={step.contacts}
          onSay={(sentence) => {
            act();
            flow.cancel();
            setText(sentence);
            input.current?.focus();
          }}
          onAddLead={(lead) => {
            act();
            setText('');
            const what = lead.params.email ?? formatPhone(lead.params.phone);
            flow.propose(lead, what ? `No contact has ${what}: add them as a new lead.` : undefined);
          }}
        />
      )}
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
      {step.kind === 'declined' && (
        <section
          role="status"
          data-testid="command-message"
          className="flex flex-col gap-1 text-sm text-slate-700 dark:text-slate-300"
        >
          <p>{step.message}</p>
          {step.understood.length > 0 && (
            <p data-testid="command-understood" className="text-xs text-slate-500">
              Understood {step.understood.join(' · ')}.
            </p>
          )}
          {step.suggestions.length > 0 && (
            <div className="flex flex-wrap gap-1" data-testid="command-suggestions">
              <span className="text-xs text-slate-500">Did you mean:</span>
              {step.suggestions.map((s) => (
                <button
                  key={s}
                  type="button"
                  onClick={() => {
                    act();
                    setText(s);
                    input.current?.focus();
                  }}
                  className="rounded-full border border-brand-600 px-2 py-0.5 text-xs text-brand-700 hover:bg-brand-50 dark:text-brand-100 dark:hover:bg-slate-800"
                >
                  {s}
                </button>
              ))}
            </div>
          )}
        </section>
      )}
      {step.kind === 'message' && (
        <section role="status" data-testid="command-message" className="text-sm text-slate-700 dark:text-slate-300">
          <p>{step.text}</p>
          {step.detail && (
            <details className="mt-1 text-xs text-slate-500">
              <summary className="cursor-pointer">Details</summary>
              {step.detail}
            </details>
          )}
        </section>
      )}
      <OutboxList onRetry={() => void flush(execute)} />
    </div>
  );
}
