import { type FormEvent, type InputHTMLAttributes, type ReactNode, useEffect, useId, useState } from 'react';
import { z } from 'zod';
import type { Providers } from '../../shared/contracts';
import { checkHealth } from '../api/calls';
import { DEFAULT_WORKER_URL, getAreaCode, getWorkerUrl, setAreaCode, setWorkerUrl } from '../settings';
import { CrmAccount } from './CrmAccount';

type Status = { tone: 'ok' | 'error' | 'info'; text: string };

const TONES: Record<Status['tone'], string> = {
  ok: 'text-emerald-700 dark:text-emerald-400',
  error: 'text-red-700 dark:text-red-400',
  info: 'text-slate-600 dark:text-slate-400',
};

/**
 * One setting: a label, why it matters, the field and Save. `save` stores the typed value (throwing
 * a ZodError for a bad one) and reports how it went through `report`.
 */
function SettingForm({
  label,
  help,
  value,
  onChange,
  save,
  input,
}: {
  label: string;
  help: ReactNode;
  value: string;
  onChange: (value: string) => void;
  save: (value: string, report: (status: Status) => void) => Promise<void>;
  input: InputHTMLAttributes<HTMLInputElement>;
}) {
  const id = useId();
  const [status, setStatus] = useState<Status>();
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await save(value, setStatus);
    } catch (err) {
      setStatus({ tone: 'error', text: err instanceof z.ZodError ? (err.issues[0]?.message ?? 'Invalid.') : String(err) });
    }
  }
  return (
    <form onSubmit={submit} className="mt-6 flex flex-col gap-2">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <p className="text-sm text-slate-600 dark:text-slate-400">{help}</p>
      <div className="flex gap-2">
        <input
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className="flex-1 rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
          {...input}
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

export function Options() {
  const [url, setUrl] = useState('');
  const [areaCode, setAreaCodeText] = useState('');
  const [crm, setCrm] = useState<Providers['crm']>();

  useEffect(() => {
    void getAreaCode().then((saved) => setAreaCodeText(saved ?? ''));
    void getWorkerUrl().then(async (saved) => {
      setUrl(saved);
      const health = await checkHealth(saved);
      if (health.reachable) setCrm(health.health.providers.crm);
    });
  }, []);

  async function saveWorker(value: string, report: (status: Status) => void) {
    const saved = await setWorkerUrl(value);
    setUrl(saved);
    report({ tone: 'info', text: 'Saved. Checking the worker…' });
    const health = await checkHealth(saved);
    setCrm(health.reachable ? health.health.providers.crm : undefined);
    report(
      health.reachable
        ? { tone: 'ok', text: `Saved. The worker answers (v${health.health.version}).` }
        : { tone: 'error', text: `Saved, but: ${health.reason}` },
    );
  }

  async function saveAreaCode(value: string, report: (status: Status) => void) {
    const saved = await setAreaCode(value);
    setAreaCodeText(saved ?? '');
    report({ tone: 'ok', text: saved ? `Saved: local numbers are (${saved}).` : 'Cleared: phones need their area code.' });
  }

  return (
    <main className="mx-auto max-w-xl p-8 font-sans text-slate-900 dark:text-slate-100">
      <h1 className="text-2xl font-semibold">Estait settings</h1>
      <SettingForm
        label="Worker address"
        help={
          <>
            The Estait worker holds your CRM, MLS and AI keys; the extension only talks to it. Locally it runs at{' '}
            <code>{DEFAULT_WORKER_URL}</code>.
          </>
        }
        value={url}
        onChange={setUrl}
        save={saveWorker}
        input={{ name: 'workerUrl', type: 'url', required: true }}
      />
      <SettingForm
        label="Your area code"
        help="A phone typed without one (“555-0100”) gets this area code. US numbers only."
        value={areaCode}
        onChange={setAreaCodeText}
        save={saveAreaCode}
        input={{ name: 'areaCode', inputMode: 'numeric', maxLength: 3, placeholder: '512' }}
      />
      <section className="mt-8 flex flex-col gap-2">
        <h2 className="text-lg font-semibold">CRM</h2>
        {crm ? <CrmAccount crm={crm} /> : <p className="text-sm text-slate-600 dark:text-slate-400">Waiting for the worker…</p>}
      </section>
    </main>
  );
}
