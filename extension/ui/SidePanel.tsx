import { useEffect, useState } from 'react';
import { joinLines } from '../../shared/commands/context';
import { savedListing } from '../../shared/commands/intents/save_listing';
import { execute } from '../api/worker';
import { flush, sendQueuedNow } from '../cache/outbox';
import { type Handoff, onHandoff, takeHandoff } from '../handoff';
import { mentionOf, remember, thisWindow } from '../memory';
import { CommandBox, type Proposal } from './CommandBox';
import { CrmAccount } from './CrmAccount';
import { HandoffCard } from './HandoffCard';
import { PageCard } from './PageCard';
import { useConnection } from './useConnection';
import { usePageContext } from './usePageContext';
import { useTargetTab } from './useTargetTab';
import { WorkerStatus } from './WorkerStatus';

/** What a right-click or the shortcut puts in the command box. */
function commandFor(handoff: Handoff): string | undefined {
  switch (handoff.action) {
    case 'add_lead_from_selection':
      return `add lead ${joinLines(handoff.text ?? '')}`.trim();
    case 'search_address':
      return `details for ${joinLines(handoff.text ?? '')}`.trim();
    case 'add_listing_agent':
      return 'add the listing agent as a lead';
    case 'open_palette':
      return '';
    case 'save_listing':
      return undefined;
  }
}

/** The worker is back: what waited out the outage is sent now, not at the next alarm. */
const sendQueue = () => void sendQueuedNow().then(() => flush(execute));

export function SidePanel() {
  const worker = useConnection(sendQueue);
  const tabId = useTargetTab();
  const page = usePageContext(tabId);
  const [handoff, setHandoff] = useState<Handoff>();
  const [prefill, setPrefill] = useState<{ text: string; at: number }>();
  const [saving, setSaving] = useState<Handoff>();
  const [proposal, setProposal] = useState<Proposal>();

  // A contact or listing the agent opens is what "her" or "this place" means next.
  useEffect(() => {
    const mention = mentionOf(page.context);
    if (mention) void thisWindow().then((id) => remember(id, mention));
  }, [page.context]);

  useEffect(() => {
    const pick = () =>
      void takeHandoff().then((h) => {
        if (!h) return;
        if (h.action === 'save_listing') return setSaving(h);
        const text = commandFor(h);
        if (text === undefined) setHandoff(h);
        else setPrefill({ text, at: h.at });
      });
    pick();
    return onHandoff(pick);
  }, []);

  // "Save this listing to a contact…": the card for the tab's listing, once the panel has read it;
  // with no listing read there, the sentence to finish instead.
  useEffect(() => {
    if (!saving || page.loading) return;
    setSaving(undefined);
    const listing = page.context?.kind === 'listing' ? page.context.listing : undefined;
    if (!listing) return setPrefill({ text: 'save this listing to ', at: saving.at });
    setProposal({
      command: { intent: 'save_listing', confidence: 1, params: { listing: savedListing(listing, page.context?.url) } },
      why: 'Who is interested in this listing?',
      at: saving.at,
    });
  }, [saving, page]);

  return (
    <main className="flex min-h-screen flex-col gap-4 bg-white p-4 font-sans text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <header className="flex items-center justify-between">
        <h1 className="text-lg font-semibold tracking-tight">
          <span className="text-brand-600">Est</span>ait
        </h1>
      </header>
      <WorkerStatus {...worker} />
      <CrmAccount crm={worker.result?.reachable ? worker.result.health.providers.crm : undefined} compact />
      <CommandBox page={page.context} prefill={prefill} proposal={proposal} />
      {handoff && <HandoffCard handoff={handoff} onDismiss={() => setHandoff(undefined)} />}
      <PageCard tabId={tabId} {...page} />
    </main>
  );
}
