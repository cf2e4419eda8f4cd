import { type FormEvent, useEffect, useId, useState } from 'react';
import { z } from 'zod';
import type { Providers } from '../../shared/contracts';
import { checkHealth } from '../api/client';
import { DEFAULT_WORKER_URL, getAreaCode, getWorkerUrl, setAreaCode, setWorkerUrl } from '../settings';
import { CrmAccount } from './CrmAccount';

type Status = { tone: 'ok' | 'error' | 'info'; text: string };

const TONES: Record<Status['tone'], string> = {
  ok: 'text-emerald-700 dark:text-emerald-400',
  error: 'text-red-700 dark:text-red-400',
  info: 'text-slate-600 dark:text-slate-400',
};

export function Options() {
  const inputId = useId();
  const [url, setUrl] = useState('');
  const [status, setStatus] = useState<Status>();
  const [crm, setCrm] = useState<Providers['crm']>();

  useEffect(
    () =>
      void getWorkerUrl().then(async (saved) => {
        setUrl(saved);
        const health = await checkHealth(saved);
        if (health.reachable) setCrm(health.health.providers.crm);
      }),
    [],
  );

  async function save(event: FormEvent) {
    event.preventDefault();
    let saved: string;
    try {
      saved = await setWorkerUrl(url);
    } catch (err) {
      setStatus({
        tone: 'error',
        text: err instanceof z.ZodError ? (err.issues[0]?.message ?? 'Invalid address.') : String(err),
      });
      return;
    }
    setUrl(saved);
    setStatus({ tone: 'info', text: 'Saved. Checking the worker…' });
    const health = await checkHealth(saved);
    setCrm(health.reachable ? health.health.providers.crm : undefined);
    setStatus(
      health.reachable
        ? { tone: 'ok', text: `Saved. The worker answers (v${health.health.version}).` }
        : { tone: 'error', text: `Saved, but: ${health.reason}` },
    );
  }

  return (
    <main className="mx-auto max-w-xl p-8 font-sans text-slate-900 dark:text-slate-100">
      <h1 className="text-2xl font-semibold">Estait settings</h1>
      <form onSubmit={save} className="mt-6 flex flex-col gap-2">
        <label htmlFor={inputId} className="text-sm font-medium">
          Worker address
        </label>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The Estait worker holds your CRM, MLS and AI keys; the extension only talks to it. Locally it runs at{' '}
          <code>{DEFAULT_WORKER_URL}</code>.
        </p>
        <div className="flex gap-2">
          <input
            id={inputId}
            name="workerUrl"
            type="url"
            required
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            className="flex-1 rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
          />
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            Save
          </button>
        </div>
        {status && (
          <p role="status" className={`text-sm ${TONES[status.tone]}`}>
            {status.text}
          </p>
        )}
      </form>
      <AreaCodeField />
      <section className="mt-8 flex flex-col gap-2">
        <h2 className="text-lg font-semibold">CRM</h2>
        {crm ? <CrmAccount crm={crm} /> : <p className="text-sm text-slate-600 dark:text-slate-400">Waiting for the worker…</p>}
      </section>
    </main>
  );
}

/** The area code seven-digit phones typed on a card belong to ("555-0100" → +1 512 555 0100). */
function AreaCodeField() {
  const inputId = useId();
  const [code, setCode] = useState('');
  const [status, setStatus] = useState<Status>();
  useEffect(() => void getAreaCode().then((saved) => setCode(saved ?? '')), []);

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      const saved = await setAreaCode(code);
      setCode(saved ?? '');
      setStatus({ tone: 'ok', text: saved ? `Saved: local numbers are (${saved}).` : 'Cleared: phones need their area code.' });
    } catch (err) {
      setStatus({ tone: 'error', text: err instanceof z.ZodError ? (err.issues[0]?.message ?? 'Invalid.') : String(err) });
    }
  }

  return (
    <form onSubmit={save} className="mt-8 flex flex-col gap-2">
      <label htmlFor={inputId} className="text-sm font-medium">
        Your area code
      </label>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        A phone typed without one (“555-0100”) gets this area code. US numbers only.
      </p>
      <div className="flex gap-2">
        <input
          id={inputId}
          name="areaCode"
          inputMode="numeric"
          maxLength={3}
          placeholder="512"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          className="w-24 rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
        />
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          Save
        </button>
      </div>
      {status && (
        <p role="status" className={`text-sm ${TONES[status.tone]}`}>
          {status.text}
        </p>
      )}
    </form>
  );
}
