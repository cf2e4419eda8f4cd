import { describe, expect, it, vi } from 'vitest';
import type { ExecuteResponse, ParsedCommand, PlanResponse, Recent, WriteCommand } from '../../shared/contracts';
import { WorkerError } from '../api/errors';
import { CommandFlow, type FlowDeps, type Step } from './flow';

const task: WriteCommand = { intent: 'create_task', confidence: 0.9, params: { contact: 'Zed Quill', title: 'call Zed' } };
const planned = (command: ParsedCommand, extra: Partial<PlanResponse> = {}): PlanResponse => ({
  command,
  via: 'local',
  needsConfirmation: command.intent !== 'unknown',
  ...extra,
});

/** A flow with every outside part replaced by a stand-in that records what it was given. */
function setup(overrides: Partial<FlowDeps> = {}) {
  const steps: Step[] = [];
  const results = new Map<string, ExecuteResponse['result']>();
  const memory: Recent = { contact: { id: '8', name: 'Ana Soto', at: 1, via: 'opened' } };
  const deps: FlowDeps = {
    plan: vi.fn(async () => planned(task)),
    planLocally: vi.fn(() => planned(task)),
    online: vi.fn(async () => true),
    draft: vi.fn(),
    findContacts: vi.fn(async () => ({ contacts: [] })),
    execute: vi.fn(),
    enqueue: vi.fn(async (commands: WriteCommand[]) => commands.map((_, i) => `key-${i}`)),
    flush: vi.fn(async () => undefined),
    outcome: vi.fn(async (key: string) => results.get(key)),
    recall: vi.fn(async () => memory),
    areaCode: vi.fn(async () => '737'),
    remember: vi.fn(async () => undefined),
    rememberText: vi.fn(async () => undefined),
    ...overrides,
  };
  const flow = new CommandFlow(deps, (s) => steps.push(s));
  return { flow, deps, steps, results };
}

describe('the command flow', () => {
  it('plans with the page and the memory, and holds a write on the card with its target', async () => {
    const target = { query: 'Zed Quill', status: 'none' as const, contacts: [] };
    const { flow, deps, steps } = setup({ plan: vi.fn(async () => planned(task, { target })) });
    await flow.submit('remind me to call Zed Quill', undefined);
    expect(deps.plan).toHaveBeenCalledWith(
      'remind me to call Zed Quill',
      { page: undefined, recent: { contact: expect.objectContaining({ name: 'Ana Soto' }) }, areaCode: '737' },
      expect.any(AbortSignal),
    );
    expect(steps.map((s) => s.kind)).toEqual(['planning', 'confirm']);
    expect(flow.step).toMatchObject({ kind: 'confirm', command: task, target, recent: { contact: { name: 'Ana Soto' } } });
  });

  it('shows a write Estait proposes (a right-click save of a listing) on its card at once, planning nothing', () => {
    const save: WriteCommand = {
      intent: 'save_listing',
      confidence: 1,
      params: { listing: { address: '1 Elm St, Austin, TX 78701', mlsId: 'ATX-1' } },
    };
    const { flow, deps, steps } = setup();
    flow.propose(save, 'Who is interested in this listing?');
    expect(deps.plan).not.toHaveBeenCalled();
    expect(steps).toEqual([{ kind: 'confirm', command: save, references: [], why: 'Who is interested in this listing?' }]);
  });

  it('does not re-remember someone the sentence only pointed at ("him" stays "added", not "mentioned")', async () => {
    const ana = { id: '8', firstName: 'Ana', lastName: 'Soto' };
    const { flow, deps } = setup({
      plan: vi.fn(async () =>
        planned(task, {
          target: { query: '8', status: 'one', contacts: [ana] },
          references: [{ said: 'her', to: 'Ana Soto', from: 'recent' }],
        }),
      ),
    });
    await flow.submit('remind me to call her', undefined);
    expect(deps.remember).not.toHaveBeenCalled();
  });

  it('remembers the contact a name resolved to', async () => {
    const contact = { id: '12', firstName: 'Zed', lastName: 'Quill' };
    const { flow, deps } = setup({
      plan: vi.fn(async () => planned(task, { target: { query: 'Zed', status: 'one', contacts: [contact] } })),
    });
    await flow.submit('remind me to call Zed', undefined);
    expect(deps.remember).toHaveBeenCalledWith({ contact: { id: '12', name: 'Zed Quill', via: 'named' } });
  });

  it('offers what it understood and the nearest commands on a decline', async () => {
    const { flow } = setup({
      plan: vi.fn(async () =>
        planned(
          { intent: 'unknown', confidence: 0.1, params: {} },
          { understood: ['a name: Zed'], suggestions: ['remind me to call Zed tomorrow at 10'] },
        ),
      ),
    });
    await flow.submit('zed tmrw??', undefined);
    expect(flow.step).toEqual({
      kind: 'declined',
      message: 'Estait could not tell what to do with that.',
      understood: ['a name: Zed'],
      suggestions: ['remind me to call Zed tomorrow at 10'],
    });
  });

  it('says what went wrong when the worker fails, and forgets a plan the agent moved on from', async () => {
    let release: (p: PlanResponse) => void = () => undefined;
    const slow = new Promise<PlanResponse>((r) => {
      release = r;
    });
    const plan = vi
      .fn()
      .mockImplementationOnce(() => slow)
      .mockRejectedValueOnce(new WorkerError(502, 'upstream_unavailable', 'Your CRM did not answer; try again shortly.'));
    const { flow, steps } = setup({ plan });
    const first = flow.submit('remind me to call Zed', undefined);
    await flow.submit('remind me to call Ana', undefined);
    expect(flow.step).toEqual({
      kind: 'message',
      text: 'Your CRM did not answer; try again shortly.',
      detail: 'upstream_unavailable (502)',
    });
    release(planned(task));
    await first;
    expect(flow.step.kind).toBe('message');
    expect(plan.mock.calls[0]?.[2]?.aborted).toBe(true);
    expect(steps.filter((s) => s.kind === 'confirm')).toEqual([]);
  });

  it('reads the sentence locally when the worker cannot be reached, so the write still gets its card', async () => {
    const { flow, deps } = setup({
      plan: vi.fn().mockRejectedValue(new WorkerError(0, 'offline', 'No worker answers at http://127.0.0.1:8787.')),
    });
    await flow.submit('remind me to call Zed Quill', undefined);
    expect(deps.planLocally).toHaveBeenCalledWith('remind me to call Zed Quill', {
      page: undefined,
      recent: expect.objectContaining({ contact: expect.objectContaining({ name: 'Ana Soto' }) }),
      areaCode: '737',
    });
    expect(flow.step).toMatchObject({ kind: 'confirm', command: task, readHere: 'offline' });
  });

  it('does not wait on a worker the last call found gone', async () => {
    const { flow, deps } = setup({ online: vi.fn(async () => false) });
    await flow.submit('remind me to call Zed Quill', undefined);
    expect(deps.plan).not.toHaveBeenCalled();
    expect(flow.step).toMatchObject({ kind: 'confirm', readHere: 'offline' });
  });

  it('reads a write here when the agent is signed out or the worker asked for a pause, and says why', async () => {
    for (const [err, readHere] of [
      [new WorkerError(401, 'signed_out', 'Connect your CRM first: open Estait’s options page and sign in.'), 'signed_out'],
      [new WorkerError(429, 'rate_limited', 'Too many requests; try again in 55 s.', undefined, 55), 'paused'],
    ] as const) {
      const { flow, deps } = setup({ plan: vi.fn().mockRejectedValue(err) });
      await flow.submit('remind me to call Zed Quill', undefined);
      expect(deps.planLocally).toHaveBeenCalledTimes(1);
      expect(flow.step).toMatchObject({ kind: 'confirm', command: task, readHere });
    }
  });

  it('shows any other refusal of the plan as the worker said it, without a card', async () => {
    const { flow, deps } = setup({
      plan: vi.fn().mockRejectedValue(new WorkerError(403, 'crm_not_connected', 'Connect Wise Agent first.')),
    });
    await flow.submit('remind me to call Zed Quill', undefined);
    expect(deps.planLocally).not.toHaveBeenCalled();
    expect(flow.step).toEqual({ kind: 'message', text: 'Connect Wise Agent first.', detail: 'crm_not_connected (403)' });
  });

  it('drops what an outage, a pause or a sign-out said once it has passed, and nothing else', async () => {
    const read: ParsedCommand = { intent: 'find_contact', confidence: 1, params: { query: 'Zed' } };
    const limited = setup({
      plan: vi.fn(async () => planned(read)),
      findContacts: vi.fn().mockRejectedValue(new WorkerError(429, 'rate_limited', 'Slow down.', undefined, 55)),
    });
    await limited.flow.submit('who is Zed', undefined);
    expect(limited.flow.step).toMatchObject({ kind: 'message', text: 'Too many requests — try again in 55 s.', cause: 'paused' });
    limited.flow.passed('offline');
    expect(limited.flow.step.kind).toBe('message');
    limited.flow.passed('paused');
    expect(limited.flow.step).toEqual({ kind: 'idle' });

    const offline = setup({ online: vi.fn(async () => false) });
    await offline.flow.submit('remind me to call Zed Quill', undefined);
    offline.flow.passed('offline');
    expect(offline.flow.step).toMatchObject({ kind: 'confirm', command: task });
    expect(offline.flow.step).not.toHaveProperty('readHere');

    const refused = setup({ plan: vi.fn().mockRejectedValue(new WorkerError(502, 'upstream_unavailable', 'No CRM.')) });
    await refused.flow.submit('remind me to call Zed Quill', undefined);
    refused.flow.passed('offline');
    expect(refused.flow.step.kind).toBe('message');
  });

  it('says an outage and a pause in the agent’s words, with the detail kept apart', async () => {
    const read: ParsedCommand = { intent: 'find_contact', confidence: 1, params: { query: 'Zed' } };
    const { flow } = setup({
      plan: vi.fn(async () => planned(read)),
      findContacts: vi.fn().mockRejectedValue(new WorkerError(0, 'offline', 'No worker answers at http://127.0.0.1:8787.')),
    });
    await flow.submit('who is Zed', undefined);
    expect(flow.step).toEqual({
      kind: 'message',
      text: expect.stringContaining('Estait can’t reach its server right now.'),
      detail: 'No worker answers at http://127.0.0.1:8787.',
      cause: 'offline',
    });
    const limited = setup({
      plan: vi.fn(async () => planned(read)),
      findContacts: vi.fn().mockRejectedValue(new WorkerError(429, 'rate_limited', 'Slow down.', undefined, 12)),
    });
    await limited.flow.submit('who is Zed', undefined);
    expect(limited.flow.step).toMatchObject({ kind: 'message', text: 'Too many requests — try again in 12 s.' });
  });

  it('stores a new lead and the write for it in order, sends them, and remembers who they were for', async () => {
    const { flow, deps, results } = setup();
    const lead: Extract<WriteCommand, { intent: 'add_lead' }> = {
      intent: 'add_lead',
      confidence: 1,
      params: { firstName: 'Zed', lastName: 'Quill' },
    };
    results.set('key-0', {
      status: 'done',
      intent: 'add_lead',
      crmId: '91',
      contact: { id: '91', firstName: 'Zed', lastName: 'Quill' },
      summary: 'Added lead Zed Quill',
    });
    await flow.confirm({ command: task, addFirst: lead });
    expect(deps.enqueue).toHaveBeenCalledWith([lead, task]);
    expect(deps.flush).toHaveBeenCalledWith(deps.execute);
    expect(deps.remember).toHaveBeenCalledWith({ contact: { id: '91', name: 'Zed Quill', via: 'added' } });
  });

  it('offers a note on the contact when the lead was already in the CRM, and remembers them as found, not added', async () => {
    const { flow, deps, results } = setup();
    const existing = { id: '5', firstName: 'Lena', lastName: 'Ortiz' };
    results.set('key-0', { status: 'duplicate', contact: existing, summary: 'Lena Ortiz is already in your CRM' });
    await flow.confirm({
      command: { intent: 'add_lead', confidence: 1, params: { firstName: 'Lena', lastName: 'Ortiz', notes: 'wants a yard' } },
    });
    expect(flow.step).toMatchObject({
      kind: 'confirm',
      command: { intent: 'add_note', params: { contactId: '5', text: 'wants a yard' } },
      target: { status: 'one', contacts: [existing] },
      why: 'Lena Ortiz is already in your CRM. Add a note to them instead?',
    });
    expect(deps.remember).toHaveBeenCalledWith({ contact: { id: '5', name: 'Lena Ortiz', via: 'named' } });
  });

  it('goes back to the brief a Done was pressed in, after the card is confirmed or cancelled, and not after a new sentence', async () => {
    const dana = { id: '7', firstName: 'Dana', lastName: 'Lee' };
    const done: WriteCommand = {
      intent: 'complete_task',
      confidence: 1,
      params: { contactId: '7', contact: 'Dana Lee', task: 'Send the disclosure', taskId: '31' },
    };
    const { flow, deps } = setup({
      plan: vi.fn(async () => planned({ intent: 'find_contact', confidence: 0.9, params: { query: 'Dana Lee' } })),
      findContacts: vi.fn(async () => ({ contacts: [dana] })),
    });
    await flow.submit('who is Dana Lee', undefined);
    const found = flow.step;
    expect(found).toMatchObject({ kind: 'contacts', contacts: [dana] });
    flow.propose(done, undefined, { query: 'Dana Lee', status: 'one', contacts: [dana] });
    expect(flow.step.kind).toBe('confirm');
    await flow.confirm({ command: done });
    expect(deps.enqueue).toHaveBeenCalledWith([done]);
    expect(flow.step).toBe(found);
    flow.propose(done);
    flow.cancel();
    expect(flow.step).toBe(found);
    flow.propose(done);
    await flow.submit('who is Dana Lee', undefined);
    flow.cancel();
    expect(flow.step.kind).toBe('idle');
  });

  it('shows what a lookup found with what was looked up, and offers a lead on its card when no one matches', async () => {
    const lookup: ParsedCommand = { intent: 'find_contact', confidence: 0.9, params: { query: '+15125550177' } };
    const { flow, deps, steps } = setup({ plan: vi.fn(async () => planned(lookup)) });
    await flow.submit('look up +15125550177', undefined);
    expect(deps.findContacts).toHaveBeenCalledWith('+15125550177', expect.any(AbortSignal));
    expect(steps.at(-1)).toEqual({ kind: 'contacts', query: '+15125550177', contacts: [] });
    const lead: WriteCommand = { intent: 'add_lead', confidence: 1, params: { firstName: '', phone: '+15125550177' } };
    flow.propose(lead, 'No contact has (512) 555-0177: add them as a new lead.');
    expect(steps.at(-1)).toEqual({
      kind: 'confirm',
      command: lead,
      references: [],
      why: 'No contact has (512) 555-0177: add them as a new lead.',
    });
  });
});
