import { randomUUID } from 'node:crypto';
import { ActivityResponse, ContactsResponse, ExecuteResponse, type ParsedCommand, SessionTokens } from '../../shared/contracts';

/** The worker's own CRM, read and written the way the extension does, to check what landed. */
export function localCrm(workerUrl: string) {
  const headers = async () => {
    const { accessToken } = SessionTokens.parse(await (await fetch(`${workerUrl}/v1/auth/local`, { method: 'POST' })).json());
    return { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' };
  };
  return {
    async contacts(query: string) {
      const res = await fetch(`${workerUrl}/v1/contacts?query=${encodeURIComponent(query)}`, { headers: await headers() });
      return ContactsResponse.parse(await res.json()).contacts;
    },
    /** The writes made through Estait, newest first, with the contact and the fields each wrote. */
    async activity() {
      const res = await fetch(`${workerUrl}/v1/activity`, { headers: await headers() });
      return ActivityResponse.parse(await res.json()).entries;
    },
    /** A write made directly, as if earlier: a contact the agent already has. */
    async execute(command: ParsedCommand) {
      const res = await fetch(`${workerUrl}/v1/actions/execute`, {
        method: 'POST',
        headers: await headers(),
        body: JSON.stringify({ command, idempotencyKey: randomUUID() }),
      });
      return ExecuteResponse.parse(await res.json()).result;
    },
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A local day, `days` from today, as YYYY-MM-DD: the browser and this process share the zone. */
export function localDay(days = 0, from = new Date()): string {
  const d = new Date(from);
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
/** The coming weekday (0 Sunday … 6 Saturday), never today. */
export function comingWeekday(weekday: number, from = new Date()): string {
  const ahead = (weekday - from.getDay() + 7) % 7 || 7;
  return localDay(ahead, from);
}
