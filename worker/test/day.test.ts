import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { addDays, dateIn } from '../../shared/agenda';
import { Agenda, ApiErrorBody, ContactBrief, ExecuteResponse, type WriteCommand } from '../../shared/contracts';
import { startSession } from '../auth/session';
import app from '../index';
import { client } from './helpers';

const TZ = 'America/Chicago';

async function signedIn() {
  const { accessToken } = await startSession(env, `agent-${crypto.randomUUID()}`);
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` };
  const api = client(env, accessToken);
  const execute = async (command: WriteCommand, idempotencyKey = crypto.randomUUID()) => {
    const res = await api.v1.actions.execute.$post({ json: { command, idempotencyKey, tz: TZ } });
    expect(res.status, await res.clone().text()).toBe(200);
    return ExecuteResponse.parse(await res.json()).result;
  };
  const attempt = (command: WriteCommand) =>
    api.v1.actions.execute.$post({ json: { command, idempotencyKey: crypto.randomUUID(), tz: TZ } });
  /** A raw GET, for queries the typed client would not send: those the worker must refuse. */
  const get = (path: string) => app.request(path, { headers }, env);
  return { execute, attempt, api, get };
}

const write = (intent: string, params: Record<string, unknown>) => ({ intent, confidence: 0.95, params }) as WriteCommand;

describe('the agent’s day from the local CRM', () => {
  it('a brief carries the notes and calls newest first, open tasks most overdue first, the next showing and saved listings', async () => {
    const agent = await signedIn();
    const today = dateIn(TZ);
    const added = await agent.execute(
      write('add_lead', { firstName: 'Dana', lastName: 'Brief', email: 'dana.brief@example.com' }),
    );
    const contactId = added.status === 'done' ? added.crmId : '';
    await agent.execute(write('add_note', { contactId, text: 'Wants a yard for the dog' }));
    await agent.execute(write('log_call', { contactId, outcome: 'left_voicemail', notes: 'About the Elm St. showing' }));
    await agent.execute(write('create_task', { contactId, title: 'Send the seller disclosure', due: addDays(today, -2) }));
    await agent.execute(write('create_task', { contactId, title: 'Call about the offer', due: `${today}T15:30` }));
    await agent.execute(write('create_task', { contactId, title: 'Someday: ask for a review' }));
    await agent.execute(
      write('schedule_showing', { contactId, address: '9 Oak Ln, Austin, TX', start: `${addDays(today, 3)}T10:00` }),
    );
    await agent.execute(
      write('schedule_showing', { contactId, address: '1 Past Rd, Austin, TX', start: `${addDays(today, -3)}T10:00` }),
    );
    await agent.execute(
      write('save_listing', { contactId, listing: { address: '12 Elm St, Austin, TX 78701', price: 450000, mlsId: 'A1' } }),
    );

    const res = await agent.api.v1.contacts[':id'].brief.$get({ param: { id: contactId }, query: { tz: TZ } });
    expect(res.status).toBe(200);
    const brief = ContactBrief.parse(await res.json());
    expect(brief.contact.email).toBe('dana.brief@example.com');
    expect(brief.today).toBe(today);
    expect(brief.activity.map((e) => [e.kind, e.text, e.outcome])).toEqual([
      ['call', 'About the Elm St. showing', 'left_voicemail'],
      ['note', 'Wants a yard for the dog', undefined],
    ]);
    expect(brief.tasks.map((t) => t.title)).toEqual([
      'Send the seller disclosure',
      'Call about the offer',
      'Someday: ask for a review',
    ]);
    expect(brief.tasks[1]?.due).toBe(`${today}T15:30`);
    expect(brief.showings.map((s) => s.address)).toEqual(['9 Oak Ln, Austin, TX']);
    expect(brief.saved.map((s) => s.listing.address)).toEqual(['12 Elm St, Austin, TX 78701']);
    expect(brief.unavailable).toEqual([]);
  });

  it('completes a task exactly once; the agenda lists it no more', async () => {
    const agent = await signedIn();
    const today = dateIn(TZ);
    const added = await agent.execute(write('add_lead', { firstName: 'Omar', lastName: 'Agenda', phone: '+15125550987' }));
    const contactId = added.status === 'done' ? added.crmId : '';
    const task = await agent.execute(write('create_task', { contactId, title: 'Send the disclosure', due: addDays(today, -1) }));
    await agent.execute(write('create_task', { contactId, title: 'Later task', due: addDays(today, 5) }));
    await agent.execute(write('schedule_showing', { contactId, address: '5 Pine St, Austin, TX', start: `${today}T09:00` }));
    const taskId = task.status === 'done' ? task.crmId : '';

    const before = Agenda.parse(await (await agent.api.v1.agenda.$get({ query: { tz: TZ } })).json());
    expect(before.date).toBe(today);
    expect(before.items.map((i) => i.kind)).toEqual(['task', 'showing', 'new_lead']);
    expect(before.items[0]).toMatchObject({
      kind: 'task',
      overdue: true,
      task: { title: 'Send the disclosure', contactName: 'Omar Agenda' },
    });

    const done = write('complete_task', { contactId, task: 'disclosure', taskId });
    const key = crypto.randomUUID();
    const first = await agent.execute(done, key);
    expect(first).toMatchObject({ status: 'done', intent: 'complete_task', summary: 'Done: “Send the disclosure”' });
    expect(await agent.execute(done, key)).toEqual(first);
    expect(await agent.execute(done)).toMatchObject({ status: 'duplicate', summary: '“Send the disclosure” was already done' });

    const after = Agenda.parse(await (await agent.api.v1.agenda.$get({ query: { tz: TZ } })).json());
    expect(after.items.map((i) => i.kind)).toEqual(['showing', 'new_lead']);
    const brief = ContactBrief.parse(
      await (await agent.api.v1.contacts[':id'].brief.$get({ param: { id: contactId }, query: { tz: TZ } })).json(),
    );
    expect(brief.tasks.map((t) => t.title)).toEqual(['Later task']);
  });

  it('lists a new lead with no note or call yet, and not once there is one', async () => {
    const agent = await signedIn();
    const added = await agent.execute(write('add_lead', { firstName: 'Nia', lastName: 'Newlead', email: 'nia@example.com' }));
    const contactId = added.status === 'done' ? added.crmId : '';
    const agenda = async () => Agenda.parse(await (await agent.api.v1.agenda.$get({ query: { tz: TZ } })).json());
    expect((await agenda()).items).toMatchObject([{ kind: 'new_lead', contact: { id: contactId, firstName: 'Nia' } }]);
    await agent.execute(write('add_note', { contactId, text: 'Texted hello' }));
    expect((await agenda()).items).toEqual([]);
  });

  it('a task of another contact, or none, is refused with a clear error', async () => {
    const agent = await signedIn();
    const a = await agent.execute(write('add_lead', { firstName: 'Ann', lastName: 'One', email: 'ann.one@example.com' }));
    const b = await agent.execute(write('add_lead', { firstName: 'Ben', lastName: 'Two', email: 'ben.two@example.com' }));
    const aId = a.status === 'done' ? a.crmId : '';
    const bId = b.status === 'done' ? b.crmId : '';
    const task = await agent.execute(write('create_task', { contactId: aId, title: 'Ann’s task' }));
    const taskId = task.status === 'done' ? task.crmId : '';
    for (const [params, code] of [
      [{ contactId: bId, taskId }, 'task_not_theirs'],
      [{ contactId: aId }, 'task_required'],
      [{ contactId: aId, taskId: '999999' }, 'task_not_found'],
      [{ contactId: aId, taskId: 'not-a-number' }, 'task_not_found'],
    ] as const) {
      const res = await agent.attempt(write('complete_task', params));
      expect(res.status).toBe(422);
      expect(ApiErrorBody.parse(await res.json()).error.code).toBe(code);
    }
  });

  it('a contact page of another CRM finds its person here by the details it shows, never by a stray id', async () => {
    const agent = await signedIn();
    const other = await agent.execute(write('add_lead', { firstName: 'Someone', lastName: 'Else', email: 'else@example.com' }));
    const dana = await agent.execute(write('add_lead', { firstName: 'Dana', lastName: 'Page', email: 'dana.page@example.com' }));
    const strayId = other.status === 'done' ? other.crmId : '';
    const danaId = dana.status === 'done' ? dana.crmId : '';
    const brief = async (id: string, query: string) => {
      const res = await agent.get(`/v1/contacts/${id}/brief?tz=UTC&${query}`);
      return { status: res.status, body: (await res.json()) as { contact?: { id: string }; error?: { code: string } } };
    };
    // The page's id is someone else's here: the page's email decides.
    expect((await brief(strayId, 'email=dana.page%40example.com&name=Dana%20Page')).body.contact?.id).toBe(danaId);
    expect((await brief('48213', 'name=Dana%20Page')).body.contact?.id).toBe(danaId);
    expect(await brief('48213', 'email=nobody%40example.com&name=Nobody%20Here')).toMatchObject({
      status: 404,
      body: { error: { code: 'contact_not_found' } },
    });
    expect((await agent.get(`/v1/contacts/${danaId}/brief?tz=UTC&email=not-an-email`)).status).toBe(400);
  });

  it('refuses bad input with a 400 naming the field, and an unknown contact with a 404', async () => {
    const agent = await signedIn();
    const bad = await agent.get('/v1/agenda?date=2026-02-30&tz=America/Chicago');
    expect(bad.status).toBe(400);
    expect(ApiErrorBody.parse(await bad.json()).error.message).toMatch(/date/);
    expect((await agent.get('/v1/agenda?tz=Mars/Olympus')).status).toBe(400);
    expect((await agent.get('/v1/agenda?when=today')).status).toBe(400);
    expect((await agent.api.v1.contacts[':id'].brief.$get({ param: { id: '424242' }, query: { tz: 'UTC' } })).status).toBe(404);
  });
});
