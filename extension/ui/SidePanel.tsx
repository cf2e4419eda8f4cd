import { useEffect, useState } from 'react';
import { joinLines, type ParseOptions } from '../../shared/commands/context';
import { readSelection } from '../../shared/commands/selection';
import type { PageContext } from '../../shared/contracts';
import { execute } from '../api/calls';
import { flush, sendQueuedNow } from '../cache/outbox';
import { agentNow } from '../clock';
import { type Handoff, onHandoff, takeHandoff } from '../handoff';
import { mentionOf, remember, thisWindow } from '../memory';
import { getAreaCode } from '../settings';
import { AgendaList } from './AgendaList';
import { CommandBox, type Prefill } from './CommandBox';
import { CrmAccount } from './CrmAccount';
import { type ContactActions, type Proposal, saveProposal } from './next-steps';
import { PageCard } from './PageCard';
import { useConnection } from './useConnection';
import { usePageContext } from './usePageContext';
import { useTargetTab } from './useTargetTab';
import { WorkerStatus } from './WorkerStatus';

/**
 * What a right-click or the shortcut puts in the command box, and whether it runs at once: a
 * selection read as a lead, a contact or an address runs, so its card is there when the panel opens.
 */
function commandFor(handoff: Handoff, options: ParseOptions): Omit<Prefill, 'at'> {
  switch (handoff.action) {
    case 'selection': {
      const reading = readSelection(handoff.text ?? '', options);
      return reading.kind === 'text'
        ? { text: reading.text, hint: reading.hint }
        : { text: joinLines(reading.sentence), run: true };
    }
    case 'add_listing_agent':
      return { text: 'add the listing agent as a lead', run: true };
    case 'save_listing':
      // With a listing read on the page the card is proposed instead; without, the sentence to finish.
      return { text: 'save this listing to ' };
    case 'open_palette':
      return { text: '' };
  }
}

/** "Save this listing to a contact…": the card for the tab's listing, asking who. */
function saveCard(page: PageContext | undefined, at: number): Proposal | undefined {
  const listing = page?.kind === 'listing' ? page.listing : undefined;
  return listing && { ...saveProposal(listing, page?.url), at };
}

/** The worker is back: what waited out the outage is sent now, not at the next alarm. */
const sendQueue = () => void sendQueuedNow().then(() => flush(execute));

export function SidePanel() {
  const worker = useConnection(sendQueue);
  const tabId = useTargetTab();
  const page = usePageContext(tabId);
  const [pending, setPending] = useState<Handoff>();
  const [prefill, setPrefill] = useState<Prefill>();
  const [proposal, setProposal] = useState<Proposal>();
  const [view, setView] = useState<'page' | 'today'>('page');
  // A brief's quick action or Done goes to the command box above it.
  const actions: ContactActions = {
    say: (text) => setPrefill({ text, at: Date.now() }),
    propose: (p) => setProposal({ ...p, at: Date.now() }),
  };

  // A contact or listing the agent opens is what "her" or "this place" means next.
  useEffect(() => {
    const mention = mentionOf(page.context);
    if (mention) void thisWindow().then((id) => remember(id, mention));
  }, [page.context]);

  useEffect(() => {
    if (tabId === undefined) return;
    const pick = () => void takeHandoff(tabId).then((h) => h && setPending(h));
    pick();
    return onHandoff(pick);
  }, [tabId]);

  // A handoff is read with the tab's page once it is known ("the listing agent" is that page's).
  useEffect(() => {
    if (!pending || page.loading) return;
    setPending(undefined);
    const card = pending.action === 'save_listing' ? saveCard(page.context, pending.at) : undefined;
    if (card) return setProposal(card);
    void getAreaCode().then((areaCode) => {
      const command = commandFor(pending, { ...agentNow(), page: page.context, ...(areaCode && { areaCode }) });
      setPrefill({ ...command, at: pending.at });
    });
  }, [pending, page.loading, page.context]);

  return (
    <main className="flex min-h-screen flex-col gap-4 bg-white p-4 font-sans text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <header className="flex items-center justify-between">
        <h1 className="text-lg font-semibold tracking-tight">
          <span className="text-brand-600 dark:text-brand-100">Est</span>ait
        </h1>
      </header>
      <WorkerStatus {...worker} />
      <CrmAccount crm={worker.result?.reachable ? worker.result.health.providers.crm : undefined} compact />
      <CommandBox page={page.context} prefill={prefill} proposal={proposal} />
      <nav aria-label="Views" className="flex gap-1 border-b border-slate-200 text-sm dark:border-slate-800">
        {(
          [
            ['page', 'This page'],
            ['today', 'Today'],
          ] as const
        ).map(([id, label]) => (
          <button
            key={id}
            type="button"
            aria-pressed={view === id}
            data-testid={`view-${id}`}
            onClick={() => setView(id)}
            className={`-mb-px border-b-2 px-3 py-1.5 ${view === id ? 'border-brand-600 font-medium text-slate-900 dark:text-slate-100' : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400'}`}
          >
            {label}
          </button>
        ))}
      </nav>
      {view === 'page' ? <PageCard tabId={tabId} {...page} actions={actions} /> : <AgendaList actions={actions} />}
    </main>
  );
}
