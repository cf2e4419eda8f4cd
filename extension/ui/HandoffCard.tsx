import type { Handoff } from '../handoff';

const TITLES: Record<Handoff['action'], string> = {
  selection: 'Add to Estait',
  add_listing: 'Add this listing to CRM',
  add_listing_agent: 'Add this listing’s agent to CRM',
  open_palette: 'Command palette',
};

/** What the agent sent from the page by right-click; page text is shown as text, never as HTML. */
export function HandoffCard({ handoff, onDismiss }: { handoff: Handoff; onDismiss: () => void }) {
  return (
    <section
      data-testid="handoff"
      className="rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 className="font-medium text-brand-700 dark:text-brand-100">{TITLES[handoff.action]}</h2>
        <button
          type="button"
          onClick={onDismiss}
          aria-label="Dismiss"
          className="rounded px-1 text-slate-500 hover:bg-slate-200 dark:hover:bg-slate-800"
        >
          ×
        </button>
      </div>
      {handoff.text && <p className="mt-1 whitespace-pre-wrap break-words text-slate-800 dark:text-slate-200">{handoff.text}</p>}
    </section>
  );
}
