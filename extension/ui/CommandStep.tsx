import type { PageContext, Recent, Reference } from '../../shared/contracts';
import { formatPhone } from '../../shared/format';
import type { Cause } from '../api/explain';
import type { CommandFlow, Step } from '../commands/flow';
import { whyRemembered } from '../memory';
import { AgendaList } from './AgendaList';
import { ConfirmCard } from './ConfirmCard';
import { ContactList } from './ContactList';
import { DraftCard } from './DraftCard';
import { INTENT_LABELS } from './describe';
import type { ContactActions } from './next-steps';
import { PropertyInsights } from './PropertyInsights';
import { SearchResults } from './SearchResults';

/** Why a card was read here rather than by the worker, and what becomes of it once confirmed. */
const READ_HERE: Record<Cause, string> = {
  offline: 'Estait can’t reach its server, so this was read here. Confirm it and it waits in Recent until the server is back.',
  paused:
    'Estait’s server asked for a short pause, so this was read here. Confirm it and it waits in Recent until the pause ends.',
  signed_out:
    'You’re not connected to your CRM yet, so this was read here. Connect it on Estait’s options page; a write you confirm waits in Recent until then.',
};

type Props = {
  step: Step;
  flow: CommandFlow;
  page?: PageContext;
  memory: Recent;
  /** The agent confirmed a card: the sentence is done with. */
  onConfirmed: () => void;
  /** The agent picked a suggested rewording, or a next step offered with a contact found. */
  onSuggestion: (text: string) => void;
  /** The agent did something on the answer (confirmed, cancelled, picked). */
  onAct?: () => void;
};

/** What a command came to — the confirm card, a read, a draft, a decline — wherever it was typed. */
export function CommandStep({ step, flow, page, memory, onConfirmed, onSuggestion, onAct }: Props) {
  // Why a pronoun meant who it did, from the memory the sentence was read with.
  const remembered = (ref: Reference) => {
    const contact = (step.kind === 'confirm' ? step.recent : memory)?.contact;
    return ref.from === 'recent' && contact?.name === ref.to ? whyRemembered(contact) : undefined;
  };
  // What a brief or the day asks of the box: a sentence to finish, or a card (Done on a task).
  const actions: ContactActions = {
    say: (sentence) => {
      onAct?.();
      flow.cancel();
      onSuggestion(sentence);
    },
    propose: ({ command, why, target }) => {
      onAct?.();
      onSuggestion('');
      flow.propose(command, why, target);
    },
  };
  return (
    <>
      {step.kind === 'planning' && <p className="text-sm text-slate-600 dark:text-slate-400">Working…</p>}
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
            onAct?.();
            onConfirmed();
            void flow.confirm(confirmed);
          }}
          onCancel={() => {
            onAct?.();
            flow.cancel();
          }}
        />
      )}
      {step.kind === 'draft' && <DraftCard command={step.command} streaming={step.streaming} response={step.response} />}
      {step.kind === 'contacts' && (
        <ContactList
          query={step.query}
          contacts={step.contacts}
          actions={actions}
          onSay={actions.say}
          onAddLead={(lead) => {
            onAct?.();
            onSuggestion('');
            const what = lead.params.email ?? formatPhone(lead.params.phone);
            flow.propose(lead, what ? `No contact has ${what}: add them as a new lead.` : undefined);
          }}
        />
      )}
      {step.kind === 'read' && step.command.intent === 'search_properties' && <SearchResults criteria={step.command.params} />}
      {step.kind === 'read' && step.command.intent === 'agenda' && (
        <AgendaList date={step.command.params.date} actions={actions} />
      )}
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
            <p data-testid="command-understood" className="text-xs text-slate-600 dark:text-slate-400">
              Understood {step.understood.join(' · ')}.
            </p>
          )}
          {step.suggestions.length > 0 && (
            <div className="flex flex-wrap gap-1" data-testid="command-suggestions">
              <span className="text-xs text-slate-600 dark:text-slate-400">Did you mean:</span>
              {step.suggestions.map((s) => (
                <button
                  key={s}
                  type="button"
                  onClick={() => {
                    onAct?.();
                    onSuggestion(s);
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
            <details className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              <summary className="cursor-pointer">Details</summary>
              {step.detail}
            </details>
          )}
        </section>
      )}
    </>
  );
}
