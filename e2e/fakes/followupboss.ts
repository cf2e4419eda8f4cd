/**
 * A local stand-in for Follow Up Boss, after docs.followupboss.com as summarised in the team's
 * API-NOTES.md: https://api.followupboss.com/v1/…; Basic auth with the API key as user name and an
 * empty password; X-System and X-System-Key sent by registered systems; POST /v1/events for new
 * leads, matching an existing person by email or phone (201 new, 200 updated, 204 when the
 * source's lead flow is archived); GET /v1/people (filters email, phone, name; limit/offset;
 * {_metadata, people}, each with its `created` time), GET /v1/people/:id; POST /v1/notes {personId,
 * subject, body, isHtml}; POST /v1/tasks {personId, name, type, dueDate | dueDateTime}; GET
 * /v1/notes and /v1/tasks filtered by personId ({_metadata, notes | tasks}); 401 for a bad key; 429 with
 * Retry-After when told to.
 * Calls, after the docs.followupboss.com reference, "Calls" — POST /v1/calls: personId, phone (the
 * number called) and isIncoming required; outcome one of Interested, Not Interested, Left Message,
 * No Answer, Busy, Bad Number; note and duration optional; 400 {errorMessage} otherwise or for an
 * unknown person. GET /v1/calls filtered by personId → {_metadata, calls}, each with its `created` time.
 * Events on a known person, after the reference's "Events" section: `person: {id}` attaches the event
 * to that person (400 for an unknown id); a "Property Inquiry" carries `property` {street, city,
 * state, code, mlsNumber, price, bedrooms, bathrooms, area, url, …} (street a string, the numbers
 * numbers, url a link). GET /v1/events filtered by personId and type (comma list) → {_metadata, events}.
 * Tasks, appointments, the list filters and paging: see followupboss-day.ts. Tests seed records with
 * their own times through POST /__fake/seed (followupboss-seed.ts).
 */
import { common, handleDay, page, type Row } from './followupboss-day';
import { fakeServer, sendJson } from './http';

export const FUB_KEY = 'fub-test-key';
/**
 * The account's users and their keys: each agent's own key (Admin → API). GET /v1/me, after the
 * reference's "Users" section: the user the key belongs to ({id, name, email, role, …}).
 */
export const FUB_USERS = [
  { key: FUB_KEY, id: 1, name: 'Owner Agent', email: 'owner@brokerage.example', role: 'Broker' },
  { key: 'fub-agent-two-key', id: 2, name: 'Second Agent', email: 'agent2@brokerage.example', role: 'Agent' },
];
/** A lead source whose lead flow is archived: FUB answers 204 and keeps nothing. */
export const ARCHIVED_SOURCE = 'Archived Flow';
export const CALL_OUTCOMES = ['Interested', 'Not Interested', 'Left Message', 'No Answer', 'Busy', 'Bad Number'];

type Person = Row & {
  id: number;
  firstName: string;
  lastName?: string;
  emails: { value: string }[];
  phones: { value: string }[];
  source?: string;
  created: string;
};

export async function startFakeFollowUpBoss(options: { delayMs?: number } = {}) {
  const people: Person[] = [];
  const notes: Record<string, unknown>[] = [];
  const tasks: Record<string, unknown>[] = [];
  const calls: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  const appointments: Row[] = [];
  let nextId = 1;
  const state = { people, notes, tasks, calls, events, appointments, nextId: () => nextId++ };
  const digits = (s: string) => s.replace(/\D/g, '').slice(-10);
  const server = await fakeServer(
    (req, res) => {
      if (req.method === 'POST' && req.path === '/__fake/seed') return sendJson(res, 200, seed(state, req.body));
      const user = FUB_USERS.find((u) => req.headers.authorization === `Basic ${Buffer.from(`${u.key}:`).toString('base64')}`);
      if (!user) return sendJson(res, 401, { errorMessage: 'Invalid API key.' });
      if (req.method === 'GET' && req.path === '/v1/me') {
        const { key: _key, ...me } = user;
        return sendJson(res, 200, { ...me, status: 'Active', timezone: 'America/Chicago' });
      }
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (req.method === 'POST' && req.path === '/v1/events') {
        if (body.source === ARCHIVED_SOURCE) return res.writeHead(204).end();
        const property = propertyProblem(body.property);
        if (property) return sendJson(res, 400, { errorMessage: property });
        const p = (body.person ?? {}) as {
          id?: number;
          firstName?: string;
          lastName?: string;
          emails?: { value: string }[];
          phones?: { value: string }[];
        };
        if (p.id !== undefined) {
          if (!people.some((x) => x.id === p.id)) return sendJson(res, 400, { errorMessage: 'Invalid person id.' });
          const event = { id: nextId++, ...body, personId: p.id, created: new Date().toISOString() };
          events.push(event);
          return sendJson(res, 200, event);
        }
        if (!p.firstName && !p.emails?.length && !p.phones?.length)
          return sendJson(res, 400, { errorMessage: 'A person is required.' });
        const match = people.find(
          (x) =>
            p.emails?.some((e) => x.emails.some((y) => y.value.toLowerCase() === e.value.toLowerCase())) ||
            p.phones?.some((ph) => x.phones.some((y) => digits(y.value) === digits(ph.value))),
        );
        if (match) return sendJson(res, 200, { id: nextId++, type: body.type, personId: match.id });
        const person: Person = {
          id: nextId++,
          firstName: p.firstName ?? '',
          lastName: p.lastName,
          emails: p.emails ?? [],
          phones: p.phones ?? [],
          source: String(body.source ?? ''),
          created: new Date().toISOString(),
        };
        people.push(person);
        return sendJson(res, 201, { id: nextId++, type: body.type, personId: person.id });
      }
      if (req.method === 'GET' && req.path === '/v1/people') {
        const { email, phone, name } = req.query;
        const found = people.filter(
          (x) =>
            (!email || x.emails.some((e) => e.value.toLowerCase() === email.toLowerCase())) &&
            (!phone || x.phones.some((p) => digits(p.value) === digits(phone))) &&
            (!name || `${x.firstName} ${x.lastName ?? ''}`.toLowerCase().includes(name.toLowerCase())),
        );
        const rows = common(found, req.query);
        if (typeof rows === 'string') return sendJson(res, 400, { errorMessage: rows });
        return page(res, 'people', rows, req.query);
      }
      const one = /^\/v1\/people\/(\d+)$/.exec(req.path);
      if (req.method === 'GET' && one) {
        const person = people.find((x) => x.id === Number(one[1]));
        return person ? sendJson(res, 200, person) : sendJson(res, 404, { errorMessage: 'Person not found.' });
      }
      if (handleDay(req, res, state, user)) return;
      if (req.method === 'POST' && req.path === '/v1/calls') {
        if (typeof body.personId !== 'number' || !body.phone || typeof body.isIncoming !== 'boolean')
          return sendJson(res, 400, { errorMessage: 'personId, phone and isIncoming are required.' });
        if (body.outcome !== undefined && !CALL_OUTCOMES.includes(String(body.outcome)))
          return sendJson(res, 400, { errorMessage: `outcome must be one of ${CALL_OUTCOMES.join(', ')}.` });
        if (!people.some((x) => x.id === body.personId)) return sendJson(res, 400, { errorMessage: 'Invalid personId.' });
        const record = { id: nextId++, ...body, created: new Date().toISOString() };
        calls.push(record);
        return sendJson(res, 201, record);
      }
      if (req.method === 'POST' && (req.path === '/v1/notes' || req.path === '/v1/tasks')) {
        if (body.personId !== undefined && !people.some((x) => x.id === body.personId))
          return sendJson(res, 400, { errorMessage: 'Invalid personId.' });
        if (req.path === '/v1/notes' && !body.body) return sendJson(res, 400, { errorMessage: 'body is required.' });
        if (
          req.path === '/v1/tasks' &&
          (!body.name || (body.dueDateTime !== undefined && !/[+-]\d{2}:\d{2}$|Z$/.test(String(body.dueDateTime))))
        ) {
          return sendJson(res, 400, { errorMessage: 'name is required; dueDateTime must carry a UTC offset.' });
        }
        const now = new Date().toISOString();
        const record =
          req.path === '/v1/notes'
            ? { id: nextId++, ...body, created: now, updated: now }
            : { id: nextId++, isCompleted: false, assignedUserId: user.id, ...body, created: now, updated: now };
        (req.path === '/v1/notes' ? notes : tasks).push(record);
        return sendJson(res, 201, record);
      }
      sendJson(res, 404, { errorMessage: 'Not found.' });
    },
    (res, status, retryAfter) =>
      sendJson(
        res,
        status,
        { errorMessage: status === 429 ? 'Too many requests.' : 'Server error.' },
        retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {},
      ),
    options,
  );
  return { ...server, people, notes, tasks, calls, events, appointments };
}

type Seed = Partial<Record<'people' | 'notes' | 'calls' | 'tasks' | 'appointments' | 'events', Row[]>>;

/** Records as tests want them, with their own times (FUB sets `created` itself): ids given here. */
function seed(state: Record<keyof Seed, Row[]> & { nextId: () => number }, body: unknown): Seed {
  const now = new Date().toISOString();
  const given = (body ?? {}) as Seed;
  const defaults: Record<keyof Seed, Row> = {
    people: { emails: [], phones: [] },
    notes: { isHtml: false },
    calls: { isIncoming: false },
    tasks: { isCompleted: false, assignedUserId: FUB_USERS[0]?.id },
    appointments: { createdById: FUB_USERS[0]?.id },
    events: {},
  };
  return Object.fromEntries(
    (Object.keys(defaults) as (keyof Seed)[]).map((kind) => {
      const rows = (given[kind] ?? []).map((r) => {
        const created = typeof r.created === 'string' ? r.created : now;
        const row = { id: state.nextId(), ...defaults[kind], ...r, created, updated: r.updated ?? created };
        state[kind].push(row);
        return row;
      });
      return [kind, rows];
    }),
  );
}

const PROPERTY_NUMBERS = ['price', 'bedrooms', 'bathrooms', 'area', 'lot'];
const PROPERTY_TEXT = ['street', 'city', 'state', 'code', 'mlsNumber', 'type'];

/** What Follow Up Boss would refuse in an event's property, if anything. */
function propertyProblem(property: unknown): string | undefined {
  if (property === undefined) return undefined;
  if (typeof property !== 'object' || property === null || Array.isArray(property)) return 'property must be an object.';
  const p = property as Record<string, unknown>;
  if (typeof p.street !== 'string' || !p.street.trim()) return 'property.street is required.';
  for (const key of PROPERTY_TEXT) if (p[key] !== undefined && typeof p[key] !== 'string') return `property.${key} must be text.`;
  for (const key of PROPERTY_NUMBERS)
    if (p[key] !== undefined && (typeof p[key] !== 'number' || Number.isNaN(p[key]))) return `property.${key} must be a number.`;
  if (p.url !== undefined && !/^https?:\/\//.test(String(p.url))) return 'property.url must be a link.';
  return undefined;
}
