import type { CrmContact } from '../../shared/contracts';
import { formatPhone, fullName } from '../../shared/format';

export function ContactList({ contacts }: { contacts: CrmContact[] }) {
  if (!contacts.length) return <p className="text-sm text-slate-600 dark:text-slate-400">No contact matches.</p>;
  return (
    <ul
      data-testid="contact-results"
      className="divide-y divide-slate-100 rounded-xl border border-slate-200 dark:divide-slate-900 dark:border-slate-800"
    >
      {contacts.map((c) => (
        <li key={c.id} className="px-3 py-2 text-sm">
          <p className="font-medium">{fullName(c)}</p>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {[formatPhone(c.phone), c.email].filter(Boolean).join(' · ')}
          </p>
        </li>
      ))}
    </ul>
  );
}
