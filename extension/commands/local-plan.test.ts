import { describe, expect, it } from 'vitest';
import { planLocally } from './local-plan';

const now = new Date(2026, 2, 10, 9, 0);

describe('the plan made in the panel when the worker cannot be reached', () => {
  it('holds a write on its card, the named contact left to be matched by name', () => {
    const plan = planLocally('note for Dana Whitlock: pre-approved for 450k', {}, now);
    expect(plan).toMatchObject({
      command: { intent: 'add_note', params: { contact: 'Dana Whitlock', text: 'pre-approved for 450k' } },
      via: 'local',
      needsConfirmation: true,
      target: { query: 'Dana Whitlock', status: 'unchecked', contacts: [] },
    });
    expect(plan.target?.message).toContain('Estait can’t check “Dana Whitlock” in your CRM right now');
  });

  it('needs no lookup for the contact the memory already knows by id', () => {
    const plan = planLocally(
      'remind me to call her tomorrow at 10',
      { recent: { contact: { id: '42', name: 'Ana Soto' } } },
      now,
    );
    expect(plan.command).toMatchObject({ intent: 'create_task', params: { contactId: '42' } });
    expect(plan.target).toBeUndefined();
    expect(plan.references).toEqual([expect.objectContaining({ to: 'Ana Soto', from: 'recent' })]);
  });

  it('declines as the worker would, with what it understood and what to try', () => {
    const plan = planLocally('do the thing for Zed', {}, now);
    expect(plan).toMatchObject({
      command: { intent: 'unknown' },
      needsConfirmation: false,
      message: 'Estait could not tell what to do with that.',
    });
    expect(Array.isArray(plan.suggestions)).toBe(true);
  });
});
