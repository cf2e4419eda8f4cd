import { useState } from 'react';
import type { DraftCommand, DraftResponse } from '../../shared/contracts';
import { formatPhone } from '../../shared/format';

const CATEGORY: Record<string, string> = {
  familial_status: 'familial status',
  national_origin: 'national origin',
};

/** Who a draft is for and what it is about, as the sentence said: the card's first line. */
function recipient({ params }: DraftCommand): string | undefined {
  const to = [
    params.contact ?? (params.contactId && 'the contact open in this tab'),
    params.channel === 'sms' ? formatPhone(params.phone) : params.email,
  ].filter(Boolean);
  return to.length ? to.join(' · ') : undefined;
}

/** A draft to copy into the agent's mail or messages, with what the Fair Housing check flagged. */
export function DraftCard({
  command,
  streaming,
  response,
}: {
  command: DraftCommand;
  streaming: string;
  response?: DraftResponse;
}) {
  const to = recipient(command);
  const [copied, setCopied] = useState(false);
  const draft = response?.draft;
  const text = draft ? [draft.subject && `Subject: ${draft.subject}`, draft.body].filter(Boolean).join('\n\n') : streaming;
  return (
    <section data-testid="draft-card" className="rounded-xl border border-slate-200 p-3 dark:border-slate-800">
      <h2 className="text-sm font-semibold">{command.params.channel === 'sms' ? 'Text message' : 'Email'} draft</h2>
      {(to || command.params.listing) && (
        <p data-testid="draft-to" className="text-xs text-slate-600 dark:text-slate-400">
          {to && `To ${to}`}
          {to && command.params.listing && ' · '}
          {command.params.listing && `About ${command.params.listing.address}`}
        </p>
      )}
      <p data-testid="draft-text" className="mt-2 whitespace-pre-wrap text-sm">
        {text || 'Writing…'}
      </p>
      {response?.notices?.map((n) => (
        <p
          key={n.code}
          role="note"
          data-testid="draft-notice"
          className="mt-2 rounded-md bg-sky-50 p-2 text-xs text-sky-900 dark:bg-sky-950 dark:text-sky-100"
        >
          {n.message}
        </p>
      ))}
      {response && response.lint.length > 0 && (
        <ul
          data-testid="draft-lint"
          className="mt-2 flex flex-col gap-1 rounded-md bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          {response.lint.map((f) => (
            <li key={`${f.index}-${f.phrase}`}>
              <strong>Fair Housing: “{f.phrase}”</strong> ({CATEGORY[f.category] ?? f.category}) — {f.advice}
            </li>
          ))}
        </ul>
      )}
      {response && (
        <button
          type="button"
          onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}
          className="mt-2 rounded-md bg-slate-100 px-3 py-1 text-xs hover:bg-slate-200 dark:bg-slate-800"
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      )}
    </section>
  );
}
