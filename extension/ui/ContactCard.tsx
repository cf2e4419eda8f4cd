import type { PageContact } from '../../shared/contracts';

/** The CRM contact open in the tab. */
export function ContactCard({ contact, site }: { contact: PageContact; site: string }) {
  return (
    <article data-testid="contact-card" className="rounded-xl border border-slate-200 p-3 dark:border-slate-800">
      <p className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
        {site === 'wiseagent' ? 'Wise Agent contact' : 'CRM contact'}
      </p>
      <p data-testid="contact-name" className="mt-1 text-lg font-semibold">
        {contact.name ?? 'Unnamed contact'}
      </p>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm text-slate-700 dark:text-slate-300">
        {contact.email && (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Email</dt>
            <dd data-testid="contact-email" className="break-all">
              {contact.email}
            </dd>
          </>
        )}
        {contact.phone && (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Phone</dt>
            <dd data-testid="contact-phone">{contact.phone}</dd>
          </>
        )}
        {contact.id && (
          <>
            <dt className="text-slate-600 dark:text-slate-400">ID</dt>
            <dd data-testid="contact-id">{contact.id}</dd>
          </>
        )}
      </dl>
    </article>
  );
}
