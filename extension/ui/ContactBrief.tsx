import { isOverdue } from '../../shared/agenda';
import { ContactBrief as Brief, type BriefEntry, type CrmContact, type CrmEvent, type CrmTask } from '../../shared/contracts';
import { formatFacts, formatPhone, formatPrice, fullName } from '../../shared/format';
import { contactBrief } from '../api/calls';
import { type BriefRef, briefKey } from '../cache/day-cache';
import { agentNow } from '../clock';
import { dayOf, timeAgo } from './describe';
import { type ContactActions, completeProposal, NEXT_STEPS } from './next-steps';
import { useDayRead } from './useDayRead';

const OUTCOME = { connected: 'connected', left_voicemail: 'left voicemail', no_answer: 'no answer' } as const;
const CHANNEL_WORDS = { sms: 'texts', call: 'calls', email: 'email' } as const;
const PARTS = { activity: 'Notes and calls', tasks: 'Tasks', showings: 'Showings', saved: 'Saved listings', leads: 'New leads' };

const chip =
  'rounded-full border border-brand-600 px-2 py-0.5 text-xs text-brand-700 hover:bg-brand-50 dark:text-brand-100 dark:hover:bg-slate-800';
const heading = 'text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400';

/** A task's due day as the agent reads it, and whether it is late. */
function Due({ task, now }: { task: CrmTask; now: string }) {
  if (!task.due) return <span className="text-slate-600 dark:text-slate-400">No due date</span>;
  const late = isOverdue(task, now);
  const when = dayOf(task.due, now);
  return (
    <span
      data-overdue={late}
      className={late ? 'font-medium text-red-700 dark:text-red-400' : 'text-slate-600 dark:text-slate-400'}
    >
      {late ? `Overdue · ${when}` : `Due ${when}`}
    </span>
  );
}

function Entry({ entry }: { entry: BriefEntry }) {
  const label = entry.kind === 'call' ? `Call${entry.outcome ? ` · ${OUTCOME[entry.outcome]}` : ''}` : 'Note';
  return (
    <li data-testid="brief-entry" data-kind={entry.kind} className="flex flex-col gap-0.5 py-1.5">
      <p className="text-xs text-slate-600 dark:text-slate-400">
        <span className="font-medium text-slate-800 dark:text-slate-200">{label}</span> · {timeAgo(Date.parse(entry.at))}
        {entry.subject && !/via Estait/.test(entry.subject) && ` · ${entry.subject}`}
      </p>
      {entry.text && <p className="line-clamp-3 whitespace-pre-line text-sm">{entry.text}</p>}
    </li>
  );
}

function Showing({ event, now }: { event: CrmEvent; now: string }) {
  return (
    <p data-testid="brief-showing" className="text-sm">
      <span className="font-medium">{dayOf(event.start, now)}</span> · {event.address ?? event.title}
    </p>
  );
}

/**
 * Who this is, what was last said, what is due and what is next, from the CRM: shown at once from
 * what was kept, read again behind it. Each part the CRM would not give says so rather than
 * looking empty; quick actions put the sentence in the box, and Done offers the task's card.
 */
export function ContactBrief({
  briefRef,
  known,
  actions,
  compact = false,
}: {
  briefRef: BriefRef;
  /** The contact as a search already found them: shown while the brief is read, or if it cannot be. */
  known?: CrmContact;
  actions: ContactActions;
  /** Under a view that already shows the name and the quick actions (the palette's). */
  compact?: boolean;
}) {
  const read = useDayRead(briefKey(briefRef), Brief, () => contactBrief(briefRef.id, briefRef.page));
  const brief = read.data?.value;
  if (!brief)
    return (
      <section
        data-testid="contact-brief"
        data-state={read.error ? 'error' : 'loading'}
        className="text-sm text-slate-600 dark:text-slate-400"
      >
        {known && (
          <>
            <h2 data-testid="brief-name" className="text-base font-semibold text-slate-900 dark:text-slate-100">
              {fullName(known)}
            </h2>
            <p className="text-xs">{[formatPhone(known.phone), known.email].filter(Boolean).join(' · ')}</p>
          </>
        )}
        {read.error ? <p role="status">{read.error}</p> : <p>Reading the CRM…</p>}
      </section>
    );
  const { contact } = brief;
  const { now } = agentNow();
  const name = fullName(contact);
  const overdue = brief.tasks.filter((t) => isOverdue(t, now)).length;
  const consent = contact.consent;
  // A part the CRM would not give is said once, below, rather than shown as none.
  const missing = new Set(brief.unavailable.map((u) => u.part));
  const none = (part: keyof typeof PARTS, words: string) =>
    missing.has(part) ? null : <p className="text-sm text-slate-600 dark:text-slate-400">{words}</p>;
  return (
    <section
      data-testid="contact-brief"
      data-state={read.data?.stale ? 'stale' : 'fresh'}
      data-contact-id={contact.id}
      aria-label={`Brief: ${name}`}
      className="flex flex-col gap-3 rounded-xl border border-slate-200 p-3 dark:border-slate-800"
    >
      <header className="flex items-start justify-between gap-2">
        <div>
          {!compact && (
            <h2 data-testid="brief-name" className="text-base font-semibold">
              {name}
            </h2>
          )}
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {[formatPhone(contact.phone), contact.email, contact.source && `Source: ${contact.source}`]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <p data-testid="brief-consent" className="text-xs text-slate-600 dark:text-slate-400">
            {consent
              ? `Agreed to ${consent.channels.map((c) => CHANNEL_WORDS[c]).join(', ')} on ${new Date(consent.at).toLocaleDateString()} (${consent.source})`
              : 'No consent to texts on record'}
          </p>
        </div>
        {contact.url && !compact && (
          <a
            href={contact.url}
            target="_blank"
            rel="noreferrer"
            className="shrink-0 text-xs text-brand-700 underline dark:text-brand-100"
          >
            Open in CRM
          </a>
        )}
      </header>
      {!compact && (
        <div className="flex flex-wrap gap-1">
          {NEXT_STEPS.map(([label, say]) => (
            <button
              key={label}
              type="button"
              aria-label={`${label}: ${name}`}
              onClick={() => actions.say(say(name))}
              className={chip}
            >
              {label}
            </button>
          ))}
        </div>
      )}
      {(read.error || read.data?.stale) && (
        <p data-testid="brief-stale" className="text-xs text-amber-700 dark:text-amber-300">
          {read.error ? `Saved ${timeAgo(read.data?.fetchedAt ?? 0)}; ${read.error}` : 'Updating…'}
        </p>
      )}
      <div>
        <h3 className={heading}>
          Open tasks{brief.tasks.length > 0 && ` · ${brief.tasks.length}`}
          {overdue > 0 && <span className="text-red-700 dark:text-red-400"> · {overdue} overdue</span>}
        </h3>
        {brief.tasks.length ? (
          <ul className="divide-y divide-slate-100 dark:divide-slate-900">
            {brief.tasks.map((task) => (
              <li key={task.id} data-testid="brief-task" className="flex items-center justify-between gap-2 py-1.5 text-sm">
                <span className="flex flex-col">
                  <span>{task.title}</span>
                  <span className="text-xs">
                    <Due task={task} now={now} />
                  </span>
                </span>
                <button
                  type="button"
                  aria-label={`Done: ${task.title}`}
                  onClick={() => actions.propose(completeProposal(task, contact))}
                  className={chip}
                >
                  Done
                </button>
              </li>
            ))}
          </ul>
        ) : (
          none('tasks', 'None.')
        )}
      </div>
      <div>
        <h3 className={heading}>Next showing</h3>
        {brief.showings[0] ? <Showing event={brief.showings[0]} now={now} /> : none('showings', 'None booked.')}
      </div>
      <div>
        <h3 className={heading}>Last notes and calls</h3>
        {brief.activity.length ? (
          <ul className="divide-y divide-slate-100 dark:divide-slate-900">
            {brief.activity.slice(0, 4).map((e) => (
              <Entry key={e.id} entry={e} />
            ))}
          </ul>
        ) : (
          none('activity', 'Nothing yet.')
        )}
      </div>
      {brief.saved.length > 0 && (
        <div>
          <h3 className={heading}>Saved listings</h3>
          <ul>
            {brief.saved.map(({ listing }) => (
              <li key={listing.mlsId ?? listing.address} data-testid="brief-saved" className="py-0.5 text-sm">
                {listing.url ? (
                  <a href={listing.url} target="_blank" rel="noreferrer" className="underline">
                    {listing.address}
                  </a>
                ) : (
                  listing.address
                )}
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  {' '}
                  {[formatPrice(listing.price), formatFacts(listing)].filter(Boolean).join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {brief.unavailable.map((u) => (
        <p key={u.part} data-testid="brief-unavailable" className="text-xs text-slate-600 dark:text-slate-400">
          {PARTS[u.part]}: {u.reason}
        </p>
      ))}
    </section>
  );
}
