import type { D1Database } from '@cloudflare/workers-types';
import { sortEvents, sortTasks } from '../../shared/agenda';
import {
  type BriefEntry,
  CallOutcome,
  type CrmEvent,
  type CrmTask,
  ENTRY_TEXT_MAX,
  ListingRead,
  type SavedListing,
} from '../../shared/contracts';
import { fullName } from '../../shared/format';
import { COLUMNS, type Row, toContact } from './local-rows';
import type { CrmProvider } from './provider';

type TaskRow = {
  id: number;
  title: string;
  due: string | null;
  completed_at: number | null;
  contact_id: number | null;
  first_name: string | null;
  last_name: string | null;
};
type ShowingRow = Omit<TaskRow, 'title' | 'due' | 'completed_at'> & { address: string | null; start: string };

const nameOf = (r: { first_name: string | null; last_name: string | null }) =>
  r.first_name ? fullName({ firstName: r.first_name, lastName: r.last_name }) : undefined;

const toTask = (r: TaskRow): CrmTask => {
  const contactName = nameOf(r);
  return {
    id: String(r.id),
    title: r.title,
    ...(r.due && { due: r.due }),
    done: r.completed_at !== null,
    ...(r.contact_id !== null && { contactId: String(r.contact_id) }),
    ...(contactName && { contactName }),
  };
};

const toEvent = (r: ShowingRow): CrmEvent => {
  const contactName = nameOf(r);
  return {
    id: String(r.id),
    title: r.address ? `Showing at ${r.address}` : 'Showing',
    start: r.start,
    ...(r.address && { address: r.address }),
    ...(r.contact_id !== null && { contactId: String(r.contact_id) }),
    ...(contactName && { contactName }),
  };
};

/** The most open tasks listed when no contact or day narrows them: the newest. */
const OPEN_TASKS_MAX = 500;

const cut = (text: string) => (text.length > ENTRY_TEXT_MAX ? `${text.slice(0, ENTRY_TEXT_MAX - 1)}…` : text);
const instant = (ms: number) => new Date(ms).toISOString();

const TASK_COLUMNS =
  'tasks.id, tasks.title, tasks.due, tasks.completed_at, tasks.contact_id, contacts.first_name, contacts.last_name';
const TASKS = `SELECT ${TASK_COLUMNS} FROM tasks LEFT JOIN contacts ON contacts.id = tasks.contact_id WHERE tasks.user_id = ?`;
/** Showings keep the start as the agent typed it (local time); ones with no start are not on the calendar. */
const SHOWINGS = `SELECT showings.id, showings.address, showings.start, showings.contact_id, contacts.first_name, contacts.last_name
  FROM showings LEFT JOIN contacts ON contacts.id = showings.contact_id
  WHERE showings.user_id = ? AND showings.start IS NOT NULL`;

/** The local CRM's reads for the brief and the day, and its task completion. */
export function localDay(
  db: D1Database,
  userId: string,
): Pick<CrmProvider, 'activity' | 'openTasks' | 'getTask' | 'events' | 'savedListings' | 'newLeads' | 'completeTask'> {
  return {
    async activity(contactId, limit) {
      const { results } = await db
        .prepare(
          `SELECT 'note' AS kind, id, text, NULL AS outcome, created_at FROM notes WHERE user_id = ?1 AND contact_id = ?2
           UNION ALL
           SELECT 'call' AS kind, id, coalesce(notes, '') AS text, outcome, created_at FROM calls WHERE user_id = ?1 AND contact_id = ?2
           ORDER BY created_at DESC, id DESC LIMIT ?3`,
        )
        .bind(userId, Number(contactId), limit)
        .all<{ kind: 'note' | 'call'; id: number; text: string; outcome: string | null; created_at: number }>();
      return results.map((r): BriefEntry => {
        const outcome = CallOutcome.safeParse(r.outcome);
        return {
          id: `${r.kind}:${r.id}`,
          kind: r.kind,
          at: instant(r.created_at),
          text: cut(r.text),
          ...(outcome.success && { outcome: outcome.data }),
        };
      });
    },
    async openTasks(filter) {
      const open = `${TASKS} AND tasks.completed_at IS NULL`;
      const query =
        'contactId' in filter
          ? db.prepare(`${open} AND tasks.contact_id = ?`).bind(userId, Number(filter.contactId))
          : filter.dueBy
            ? db.prepare(`${open} AND tasks.due IS NOT NULL AND substr(tasks.due, 1, 10) <= ?`).bind(userId, filter.dueBy)
            : db.prepare(`${open} ORDER BY tasks.id DESC LIMIT ${OPEN_TASKS_MAX}`).bind(userId);
      const { results } = await query.all<TaskRow>();
      return sortTasks(results.map(toTask));
    },
    async getTask(taskId) {
      const id = Number(taskId);
      if (!Number.isSafeInteger(id)) return undefined;
      const row = await db.prepare(`${TASKS} AND tasks.id = ?`).bind(userId, id).first<TaskRow>();
      return row ? toTask(row) : undefined;
    },
    async events({ from, to, contactId }) {
      // Local starts are "YYYY-MM-DDTHH:mm": comparing the day part is comparing dates.
      const byContact = contactId ? ' AND showings.contact_id = ?' : '';
      const { results } = await db
        .prepare(`${SHOWINGS} AND substr(showings.start, 1, 10) BETWEEN ? AND ?${byContact}`)
        .bind(userId, from, to, ...(contactId ? [Number(contactId)] : []))
        .all<ShowingRow>();
      return sortEvents(results.map(toEvent));
    },
    async savedListings(contactId) {
      const { results } = await db
        .prepare('SELECT listing, created_at FROM saved_listings WHERE user_id = ? AND contact_id = ? ORDER BY created_at DESC')
        .bind(userId, Number(contactId))
        .all<{ listing: string; created_at: number }>();
      return results.flatMap((r): SavedListing[] => {
        const listing = ListingRead.safeParse(JSON.parse(r.listing));
        return listing.success ? [{ listing: listing.data, savedAt: instant(r.created_at) }] : [];
      });
    },
    async newLeads(since) {
      const { results } = await db
        .prepare(
          `SELECT ${COLUMNS}, created_at FROM contacts c WHERE user_id = ?1 AND created_at >= ?2
             AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.user_id = ?1 AND n.contact_id = c.id)
             AND NOT EXISTS (SELECT 1 FROM calls k WHERE k.user_id = ?1 AND k.contact_id = c.id)
           ORDER BY created_at DESC LIMIT 25`,
        )
        .bind(userId, new Date(since).getTime())
        .all<Row & { created_at: number }>();
      return results.map((r) => ({ contact: toContact(r), addedAt: instant(r.created_at) }));
    },
    async completeTask(taskId, { key }) {
      const id = Number(taskId);
      // Only an open task is marked, with this write's key: a retry of the same write finds its own mark.
      await db
        .prepare('UPDATE tasks SET completed_at = ?, completed_key = ? WHERE user_id = ? AND id = ? AND completed_at IS NULL')
        .bind(Date.now(), key, userId, id)
        .run();
      const row = await db
        .prepare('SELECT completed_key FROM tasks WHERE user_id = ? AND id = ?')
        .bind(userId, id)
        .first<{ completed_key: string | null }>();
      if (!row) throw new Error('the task to complete was not found');
      return { id: taskId, ...(row.completed_key !== key && { alreadyDone: true }) };
    },
  };
}
