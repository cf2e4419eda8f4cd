import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { joinLines } from '../../shared/commands/context';
import type { PageContext } from '../../shared/contracts';
import { execute } from '../api/calls';
import { recent as recentCommands } from '../cache/history';
import { flush } from '../cache/outbox';
import { CommandStep } from './CommandStep';
import { INTENT_LABELS, summarize } from './describe';
import type { Proposal } from './next-steps';
import { OutboxList } from './OutboxList';
import { useCommandFlow } from './useCommandFlow';

/**
 * A sentence put in the box from outside (a right-click, the shortcut): `run` plans it at once, as
 * Enter would; `hint` says what to do with text Estait could not read.
 */
export type Prefill = { text: string; at: number; run?: boolean; hint?: string };

/**
 * One sentence in: a live preview from the local parser as the agent types; Enter plans it with the
 * worker; reads run at once; writes wait on the confirm card; ↑/↓ recall earlier commands.
 */
export function CommandBox({ page, prefill, proposal }: { page?: PageContext; prefill?: Prefill; proposal?: Proposal }) {
  const [text, setText] = useState('');
  const [hint, setHint] = useState<string>();
  const { flow, step, memory, preview } = useCommandFlow(text, page);
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

  /** Anything the agent does here ends the hint about what the page handed over. */
  const act = () => setHint(undefined);
  useEffect(() => {
    if (proposal) flow.propose(proposal.command, proposal.why, proposal.target);
  }, [proposal, flow]);

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
          className="w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 dark:border-slate-700 dark:bg-slate-900"
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
      <CommandStep
        step={step}
        flow={flow}
        page={page}
        memory={memory}
        onAct={act}
        onConfirmed={() => {
          setText('');
          input.current?.focus();
        }}
        onSuggestion={(s) => {
          setText(s);
          input.current?.focus();
        }}
      />
      <OutboxList onRetry={() => void flush(execute)} />
    </div>
  );
}
