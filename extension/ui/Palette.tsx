import { type KeyboardEvent, lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { CrmContact, MlsListing } from '../../shared/contracts';
import { fullName } from '../../shared/format';
import { mentionOf, remember, thisWindow } from '../memory';
import { actionsFor } from '../palette/actions';
import { paletteRow } from '../palette/bridge';
import { PaletteIndex } from '../palette/index-store';
import { buildIndex, type Entry, search } from '../palette/search-index';
import { type ContactActions as ContactActionsOf, saveProposal } from './next-steps';
import type { EngineState } from './PaletteEngine';
import { useFocusTrap } from './useFocusTrap';
import { usePageContext } from './usePageContext';

const LIMIT = 8;

// The command engine and the MLS reads come just after the palette is on screen (see PaletteEngine).
const Engine = lazy(() => import('./PaletteEngine'));
const PropertyInsights = lazy(() => import('./PropertyInsights').then((m) => ({ default: m.PropertyInsights })));
const ContactBrief = lazy(() => import('./ContactBrief').then((m) => ({ default: m.ContactBrief })));

type Row = { key: string; kind: Entry['kind'] | 'run'; label: string; detail?: string; act: () => void };
type View = { kind: 'list' } | { kind: 'contact'; contact: CrmContact } | { kind: 'listing'; listing: MlsListing };

const KIND_NAMES: Record<Row['kind'], string> = {
  run: 'Run',
  action: 'Action',
  contact: 'Contact',
  listing: 'Listing',
  recent: 'Recent',
};

/** The keys that open the palette, as the agent set them at chrome://extensions/shortcuts. */
export function useShortcut(): string | undefined {
  const [shortcut, setShortcut] = useState<string>();
  useEffect(() => {
    void browser.commands.getAll().then((all) => setShortcut(all.find((c) => c.name === 'open-palette')?.shortcut || undefined));
  }, []);
  return shortcut;
}

/**
 * The command palette over any page, keyboard only: actions, cached contacts and listings and
 * recent commands in one ranked list; free text is previewed live, reads answer here and writes
 * show the same confirm card as the panel, into the same outbox.
 */
export function Palette({ tabId, onClose }: { tabId: number | undefined; onClose: () => void }) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [recent, setRecent] = useState<string[]>([]);
  const [indexVersion, setIndexVersion] = useState(0);
  const { context: page } = usePageContext(tabId);
  const [engine, setEngine] = useState<EngineState>();
  /** A sentence run before the engine was loaded: it runs once it is. */
  const waiting = useRef<string>(undefined);
  const stepKind = engine?.step ?? 'idle';
  const index = useMemo(() => new PaletteIndex(), []);
  const input = useRef<HTMLInputElement>(null);
  const shortcut = useShortcut();

  useEffect(() => {
    void index.open(() => {
      setRecent(index.recent);
      setIndexVersion((v) => v + 1);
    });
    return () => index.close();
  }, [index]);
  // What a read just cached (the homes of a search, a contact the CRM answered) is found next.
  useEffect(() => {
    if (stepKind === 'read' || stepKind === 'contacts' || stepKind === 'idle')
      void index.refresh().then(() => {
        setRecent(index.recent);
        setIndexVersion((v) => v + 1);
      });
  }, [stepKind, index]);
  const onEngine = useCallback((state: EngineState) => {
    setEngine(state);
    const sentence = waiting.current;
    waiting.current = undefined;
    if (sentence) state.run(sentence);
  }, []);
  // The contact or listing on the page is what "her" or "this place" means, as in the panel.
  useEffect(() => {
    const mention = mentionOf(page);
    if (mention) void thisWindow().then((id) => remember(id, mention));
  }, [page]);

  const fill = useCallback((sentence: string) => {
    setText(sentence);
    setActive(0);
    setView({ kind: 'list' });
    input.current?.focus();
  }, []);
  const confirmed = useCallback(() => {
    setText('');
    input.current?.focus();
  }, []);
  const run = (sentence: string) => {
    setText(sentence);
    setView({ kind: 'list' });
    if (engine) engine.run(sentence);
    else waiting.current = sentence;
  };
  const open = async (entry: Entry) => {
    if (entry.kind !== 'contact' && entry.kind !== 'listing') return;
    const { contact, listing } = await paletteRow(entry.kind, entry.id);
    if (contact) setView({ kind: 'contact', contact });
    else if (listing) setView({ kind: 'listing', listing });
  };

  const small = useMemo(
    () =>
      buildIndex([
        ...actionsFor(page).map((a, i) => ({
          id: a.id,
          kind: 'action' as const,
          label: a.label,
          detail: '',
          words: a.words,
          at: ACTION_ORDER - i,
        })),
        ...recent.map((r, i) => ({ id: r, kind: 'recent' as const, label: r, detail: '', words: '', at: RECENT_ORDER - i })),
      ]),
    [page, recent],
  );

  const rowOf = (entry: Entry): Row => {
    const key = `${entry.kind}:${entry.id}`;
    if (entry.kind === 'action') {
      const action = actionsFor(page).find((a) => a.id === entry.id);
      return {
        key,
        kind: 'action',
        label: entry.label,
        act: () =>
          action?.run ? run(action.run) : fill(typeof action?.fill === 'function' ? action.fill(page) : (action?.fill ?? '')),
      };
    }
    if (entry.kind === 'recent') return { key, kind: 'recent', label: entry.label, act: () => run(entry.label) };
    return { key, kind: entry.kind, label: entry.label, detail: entry.detail, act: () => void open(entry) };
  };

  const query = text.trim();
  // The index changes in place; its version says when.
  // biome-ignore lint/correctness/useExhaustiveDependencies: indexVersion is the index's change signal.
  const hits = useMemo(
    () => (query ? [...search(small, query, 4), ...index.search(query, LIMIT)].sort((a, b) => b.score - a.score) : []),
    [query, small, index, indexVersion],
  );
  const rows: Row[] = query
    ? [
        {
          key: 'run',
          kind: 'run',
          label: engine?.preview?.label ?? `Ask Estait: “${query}”`,
          detail: engine?.preview?.detail,
          act: () => run(text),
        },
        ...hits.slice(0, LIMIT).map((h) => rowOf(h.entry)),
      ]
    : [...small.entries].sort((a, b) => b.at - a.at).map(rowOf);

  const chosen = Math.min(active, Math.max(0, rows.length - 1));

  function keys(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const delta = e.key === 'ArrowDown' ? 1 : -1;
      setActive((chosen + delta + rows.length) % Math.max(1, rows.length));
    } else if (e.key === 'Enter' && view.kind === 'list' && stepKind === 'idle') {
      e.preventDefault();
      rows[chosen]?.act();
    }
  }

  // Esc steps back — out of a card or a contact's actions — and closes the palette from the list.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      if (stepKind !== 'idle') engine?.cancel();
      else if (view.kind !== 'list') setView({ kind: 'list' });
      else onClose();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stepKind, view.kind, engine, onClose]);

  const dialog = useRef<HTMLDivElement>(null);
  useFocusTrap(dialog);

  const listed = view.kind === 'list' && stepKind === 'idle';
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the backdrop's click is the mouse's Esc; the keyboard has Esc itself.
    // biome-ignore lint/a11y/useKeyWithClickEvents: Esc is handled for the whole palette above.
    <div
      className="fixed inset-0 flex items-start justify-center bg-slate-900/30 px-4 pt-[12vh]"
      onClick={(e) => e.target === e.currentTarget && onClose()}
    >
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-label="Estait command palette"
        data-testid="palette"
        className="flex max-h-[76vh] w-full max-w-[640px] flex-col overflow-hidden rounded-xl border border-slate-200 bg-white text-slate-900 shadow-2xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <input
          ref={input}
          // biome-ignore lint/a11y/noAutofocus: the palette exists to be typed into; the shortcut is the agent's request for focus.
          autoFocus
          data-testid="palette-input"
          role="combobox"
          aria-expanded={listed}
          // Only while the list is there: a reference to a missing element is invalid.
          aria-controls={listed ? 'palette-results' : undefined}
          aria-activedescendant={listed && rows[chosen] ? `palette-row-${chosen}` : undefined}
          aria-label="Command or search"
          placeholder="A command, a name or an address…"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
            if (stepKind !== 'idle') engine?.cancel();
            if (view.kind !== 'list') setView({ kind: 'list' });
          }}
          onKeyDown={keys}
          className="w-full border-b border-slate-200 bg-transparent px-4 py-3 text-[16px] outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-600 dark:border-slate-700"
        />
        <div className="flex flex-col overflow-y-auto p-2">
          <Suspense fallback={null}>
            <Engine
              text={text}
              page={page}
              listed={view.kind === 'list'}
              onState={onEngine}
              onText={setText}
              onFill={fill}
              onConfirmed={confirmed}
            />
          </Suspense>
          {stepKind !== 'idle' ? null : view.kind === 'contact' ? (
            <ContactActions contact={view.contact} onFill={fill} onPropose={(p) => engine?.propose(p)} />
          ) : view.kind === 'listing' ? (
            <ListingActions listing={view.listing} onFill={fill} onRun={run} onPropose={(p) => engine?.propose(p)} />
          ) : (
            <div id="palette-results" role="listbox" aria-label="Results" data-testid="palette-results">
              {rows.map((row, i) => (
                // biome-ignore lint/a11y/useKeyWithClickEvents: options are chosen with ↑/↓ and Enter in the combobox.
                <div
                  key={row.key}
                  tabIndex={-1}
                  id={`palette-row-${i}`}
                  role="option"
                  aria-selected={i === chosen}
                  data-kind={row.kind}
                  onClick={row.act}
                  onMouseMove={() => setActive(i)}
                  className={`flex cursor-pointer items-baseline gap-3 rounded-lg px-3 py-2 text-[14px] ${
                    i === chosen ? 'bg-brand-50 ring-2 ring-brand-600 dark:bg-slate-800' : ''
                  }`}
                >
                  <span className="w-16 shrink-0 text-[11px] uppercase tracking-wide text-slate-600 dark:text-slate-400">
                    {KIND_NAMES[row.kind]}
                  </span>
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium">{row.label}</span>
                    {row.detail && (
                      <span className="block truncate text-[12px] text-slate-600 dark:text-slate-400">{row.detail}</span>
                    )}
                  </span>
                </div>
              ))}
              {!rows.length && (
                <p className="px-3 py-2 text-[13px] text-slate-600 dark:text-slate-400">Type to search or to ask.</p>
              )}
            </div>
          )}
        </div>
        <p className="border-t border-slate-200 px-4 py-2 text-[12px] text-slate-600 dark:border-slate-700 dark:text-slate-400">
          ↑ ↓ to move · Enter to run · Esc to {stepKind !== 'idle' || view.kind !== 'list' ? 'go back' : 'close'}
          {shortcut && ` · ${shortcut} opens and closes`}
          {index.size > 0 &&
            ` · ${index.size.toLocaleString('en-US')} ${index.size === 1 ? 'contact or listing' : 'contacts and listings'} saved here`}
        </p>
      </div>
    </div>
  );
}

/** Actions rank above recent commands, and both below a typed match of a contact or a listing. */
const ACTION_ORDER = 2e12;
const RECENT_ORDER = 1e12;

/** A buttons list the arrow keys walk, with the first focused. */
function QuickActions({ items }: { items: { label: string; act: () => void }[] }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <ul className="flex flex-col" aria-label="Quick actions">
      {items.map((item, i) => (
        <li key={item.label}>
          <button
            ref={i === 0 ? first : undefined}
            type="button"
            onClick={item.act}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
              e.preventDefault();
              const list = e.currentTarget.closest('ul')?.querySelectorAll('button');
              if (!list) return;
              const next = list[(i + (e.key === 'ArrowDown' ? 1 : -1) + list.length) % list.length];
              next?.focus();
            }}
            className="w-full rounded-lg px-3 py-2 text-left text-[14px] hover:bg-brand-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 dark:hover:bg-slate-800"
          >
            {item.label}
          </button>
        </li>
      ))}
    </ul>
  );
}

function ContactActions({
  contact,
  onFill,
  onPropose,
}: {
  contact: CrmContact;
  onFill: (text: string) => void;
  onPropose: ContactActionsOf['propose'];
}) {
  const name = fullName(contact);
  // Naming them in memory too makes "her" in the next sentence this contact.
  const start = (sentence: string) => {
    void thisWindow().then((id) => remember(id, { contact: { id: contact.id, name, via: 'opened' } }));
    onFill(sentence);
  };
  const items = [
    { label: 'Add a note', act: () => start(`note for ${name}: `) },
    { label: 'Log a call', act: () => start(`called ${name}, `) },
    { label: 'Create a task', act: () => start(`remind me to call ${name} `) },
    { label: 'Schedule a showing', act: () => start(`schedule a showing with ${name} `) },
    { label: 'Draft a text', act: () => start(`text ${name} about `) },
    { label: 'Draft an email', act: () => start(`email ${name} about `) },
    ...(contact.url ? [{ label: 'Open in CRM', act: () => void browser.tabs.create({ url: contact.url }) }] : []),
  ];
  return (
    <section data-testid="palette-contact" className="flex flex-col gap-2 p-2">
      <header>
        <h2 className="text-[16px] font-semibold">{name}</h2>
      </header>
      <QuickActions items={items} />
      <Suspense fallback={null}>
        <ContactBrief briefRef={{ id: contact.id }} actions={{ say: start, propose: onPropose }} compact />
      </Suspense>
    </section>
  );
}

function ListingActions({
  listing,
  onFill,
  onRun,
  onPropose,
}: {
  listing: MlsListing;
  onFill: (text: string) => void;
  onRun: (text: string) => void;
  onPropose: ContactActionsOf['propose'];
}) {
  // In memory, "this listing" in the sentence started here is this one.
  const start = (sentence: string) => {
    void thisWindow().then((id) => remember(id, { listing }));
    onFill(sentence);
  };
  const items = [
    { label: 'Comparables', act: () => onRun(`comps for ${listing.address}`) },
    // This home itself on the card, whatever listing the tab shows.
    { label: 'Save to a contact', act: () => onPropose(saveProposal(listing)) },
    { label: 'Schedule a showing here', act: () => start(`schedule a showing at ${listing.address} with `) },
  ];
  return (
    <section data-testid="palette-listing" className="flex flex-col gap-2 p-2">
      <h2 className="text-[16px] font-semibold">{listing.address}</h2>
      <QuickActions items={items} />
      <Suspense fallback={null}>
        <PropertyInsights address={listing.address} />
      </Suspense>
    </section>
  );
}
