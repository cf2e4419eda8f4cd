/**
 * The Follow Up Boss fake's reads for the agent's day, after the docs.followupboss.com reference
 * (as mirrored by public clients of it, e.g. n8n-nodes-followupboss):
 * - "Common Filters and Parameters": `sort` (a field, `-` for descending), `limit` (≤ 100), `offset`,
 *   `ids`, `createdAfter` / `createdBefore`; lists answer {_metadata: {collection, offset, limit, total}, <collection>}.
 * - GET /v1/notes, /v1/calls, /v1/events: by personId (events also by type, a comma list).
 * - GET /v1/tasks: personId, assignedUserId, isCompleted, type (comma list), dueStart ("due from this
 *   time forward"), dueEnd ("due from this time and before"); GET /v1/tasks/:id; PUT /v1/tasks/:id
 *   (e.g. {isCompleted: true}) answers the task, its `updated` time moved.
 * - GET /v1/appointments: personId (a comma list), userId, start and end (a range, given together or
 *   not at all); "Restricted results": only appointments created by the key's own user. POST
 *   /v1/appointments {title, start, end, allDay, location, description, invitees: [{personId, name} | {userId, name}]}.
 */
import type { ServerResponse } from 'node:http';
import { type Recorded, sendJson } from './http';

export type Row = Record<string, unknown>;
export type DayState = {
  people: Row[];
  notes: Row[];
  tasks: Row[];
  calls: Row[];
  events: Row[];
  appointments: Row[];
  nextId: () => number;
};

const instant = (v: unknown) => (typeof v === 'string' ? Date.parse(v) : Number.NaN);
/** When a task is due: its time, or the start of its day (UTC) when it has only a date. */
export const dueAt = (t: Row) =>
  t.dueDateTime ? instant(t.dueDateTime) : t.dueDate ? instant(`${String(t.dueDate).slice(0, 10)}T00:00:00Z`) : Number.NaN;

function sortKey(collection: string, row: Row, field: string): string | number {
  if (collection === 'tasks' && (field === 'dueDate' || field === 'dueDateTime')) {
    const due = dueAt(row);
    return Number.isNaN(due) ? Number.MAX_SAFE_INTEGER : due;
  }
  const value = row[field];
  return typeof value === 'number' ? value : String(value ?? '');
}

/** `sort`, `offset` and `limit` (≤ 100, 10 by default), as every FUB list has them. */
export function page(res: ServerResponse, collection: string, rows: Row[], query: Record<string, string>) {
  const sorted = [...rows];
  const sort = query.sort;
  if (sort) {
    const field = sort.replace(/^-/, '');
    const dir = sort.startsWith('-') ? -1 : 1;
    sorted.sort((a, b) => {
      const x = sortKey(collection, a, field);
      const y = sortKey(collection, b, field);
      return (x < y ? -1 : x > y ? 1 : 0) * dir || (Number(a.id) - Number(b.id)) * dir;
    });
  }
  const limit = Math.min(100, Math.max(1, Number(query.limit ?? 10) || 10));
  const offset = Math.max(0, Number(query.offset ?? 0) || 0);
  return sendJson(res, 200, {
    _metadata: { collection, offset, limit, total: sorted.length },
    [collection]: sorted.slice(offset, offset + limit),
  });
}

/** The common filters every list takes: ids, createdAfter, createdBefore. */
export function common(rows: Row[], query: Record<string, string>): Row[] | string {
  const ids = query.ids ?? query.id;
  const after = query.createdAfter ? Date.parse(query.createdAfter) : undefined;
  const before = query.createdBefore ? Date.parse(query.createdBefore) : undefined;
  if (Number.isNaN(after) || Number.isNaN(before)) return 'createdAfter and createdBefore must be dates.';
  const wanted = ids?.split(',').map(Number);
  return rows.filter(
    (r) =>
      (!wanted || wanted.includes(Number(r.id))) &&
      (after === undefined || instant(r.created) >= after) &&
      (before === undefined || instant(r.created) <= before),
  );
}

const bool = (v: string | undefined) => (v === undefined ? undefined : v === 'true' || v === '1');

/** The day's routes; false when `req` is not one of them. */
export function handleDay(req: Recorded, res: ServerResponse, state: DayState, user: { id: number; name: string }): boolean {
  const { query } = req;
  const body = (req.body ?? {}) as Row;
  const answer = (status: number, errorMessage: string) => {
    sendJson(res, status, { errorMessage });
    return true;
  };
  const list = { '/v1/notes': 'notes', '/v1/calls': 'calls', '/v1/events': 'events', '/v1/tasks': 'tasks' } as const;
  const collection = list[req.path as keyof typeof list];
  if (req.method === 'GET' && collection) {
    const rows = common(state[collection], query);
    if (typeof rows === 'string') return answer(400, rows);
    const types = query.type?.split(',');
    const completed = bool(query.isCompleted);
    const dueStart = query.dueStart ? Date.parse(query.dueStart) : undefined;
    const dueEnd = query.dueEnd ? Date.parse(query.dueEnd) : undefined;
    if (Number.isNaN(dueStart) || Number.isNaN(dueEnd)) return answer(400, 'dueStart and dueEnd must be dates.');
    const found = rows.filter(
      (r) =>
        (!query.personId || r.personId === Number(query.personId)) &&
        (!types || types.includes(String(r.type))) &&
        (collection !== 'tasks' ||
          ((completed === undefined || r.isCompleted === completed) &&
            (!query.assignedUserId || r.assignedUserId === Number(query.assignedUserId)) &&
            (dueStart === undefined || dueAt(r) >= dueStart) &&
            (dueEnd === undefined || dueAt(r) <= dueEnd))),
    );
    page(res, collection, found, query);
    return true;
  }

  const task = /^\/v1\/tasks\/(\d+)$/.exec(req.path);
  if (task && (req.method === 'GET' || req.method === 'PUT')) {
    const row = state.tasks.find((t) => t.id === Number(task[1]));
    if (!row) return answer(404, 'Task not found.');
    if (req.method === 'PUT') {
      if (body.isCompleted !== undefined && typeof body.isCompleted !== 'boolean')
        return answer(400, 'isCompleted must be true or false.');
      for (const key of ['name', 'type', 'dueDate', 'dueDateTime', 'isCompleted', 'assignedUserId'])
        if (body[key] !== undefined) row[key] = body[key];
      row.updated = new Date().toISOString();
    }
    sendJson(res, 200, row);
    return true;
  }

  if (req.path === '/v1/appointments' && req.method === 'GET') {
    if (!query.start !== !query.end) return answer(400, 'start and end must be given together.');
    const start = query.start ? Date.parse(query.start) : undefined;
    const end = query.end ? Date.parse(query.end) : undefined;
    if (Number.isNaN(start) || Number.isNaN(end)) return answer(400, 'start and end must be dates.');
    const people = query.personId?.split(',').map(Number);
    const invitees = (a: Row) => (a.invitees ?? []) as { personId?: number; userId?: number }[];
    const rows = common(state.appointments, query);
    if (typeof rows === 'string') return answer(400, rows);
    const found = rows.filter(
      (a) =>
        a.createdById === user.id &&
        (!people || invitees(a).some((i) => i.personId !== undefined && people.includes(i.personId))) &&
        (!query.userId || invitees(a).some((i) => i.userId === Number(query.userId))) &&
        (start === undefined || (instant(a.start) >= start && end !== undefined && instant(a.start) <= end)),
    );
    page(res, 'appointments', found, query);
    return true;
  }
  if (req.path === '/v1/appointments' && req.method === 'POST') {
    if (!body.title || Number.isNaN(instant(body.start)) || Number.isNaN(instant(body.end)))
      return answer(400, 'title, start and end are required.');
    const now = new Date().toISOString();
    const row = { id: state.nextId(), ...body, createdById: user.id, created: now, updated: now };
    state.appointments.push(row);
    sendJson(res, 201, row);
    return true;
  }
  return false;
}
