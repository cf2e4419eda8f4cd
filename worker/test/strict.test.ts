import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiErrorBody, PlanResponse } from '../../shared/contracts';
import { startSession } from '../auth/session';
import app from '../index';
import { call, fake, withLlm } from './helpers';

const refusal = async (res: Response) => {
  expect(res.status).toBe(400);
  return ApiErrorBody.parse(await res.json()).error;
};
const Problems = z.array(z.object({ path: z.string(), message: z.string() }));
const paths = (details: unknown) => Problems.parse(details).map((d) => d.path);

const at = { now: '2026-03-10T09:00', tz: 'America/Chicago' };
const task = { intent: 'create_task', confidence: 1, params: { contact: 'Ann Lee', title: 'Call Ann' } };

beforeEach(async () => {
  await fake.reset();
});

describe('a field the API does not have is a 400 naming it, not ignored', () => {
  it('in search criteria: "maxPrice" does not search the whole MLS', async () => {
    const res = await call('/v1/properties/search', { criteria: { city: 'Austin', maxPrice: 500000 } });
    const error = await refusal(res);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toBe('Invalid json: criteria.city is not a field, criteria.maxPrice is not a field');
    expect(paths(error.details)).toEqual(['criteria.city', 'criteria.maxPrice']);
  });

  it("in a write's params and on the command itself", async () => {
    const extraParam = await call('/v1/actions/execute', {
      command: { ...task, params: { ...task.params, priority: 'high' } },
      idempotencyKey: 'strict-key-1',
    });
    expect((await refusal(extraParam)).message).toMatch(/command\.params\.priority is not a field/);
    const extraField = await call('/v1/actions/execute', { command: { ...task, via: 'llm' }, idempotencyKey: 'strict-key-2' });
    expect((await refusal(extraField)).message).toMatch(/command\.via is not a field/);
  });

  it("in a plan's page and memory", async () => {
    const page = {
      kind: 'listing',
      url: 'https://www.zillow.com/homedetails/1',
      site: 'zillow',
      listing: { address: '1 Elm St', sqFt: 900 },
    };
    const res = await call('/v1/commands/plan', { text: 'add a note for ann: called', ...at, page, recent: { person: 'Ann' } });
    expect(paths((await refusal(res)).details)).toEqual(['page.listing.sqFt', 'recent.person']);
  });

  it('in a query string', async () => {
    const { accessToken } = await startSession(env, 'local');
    const res = await app.request('/v1/contacts?query=ann&limit=5', { headers: { Authorization: `Bearer ${accessToken}` } }, env);
    expect((await refusal(res)).message).toBe('Invalid query: limit is not a field');
  });
});

describe('commands are exactly the kind a route takes', () => {
  it('a read sent as a write, or a note sent as a draft, is a 400 on its intent', async () => {
    const read = await call('/v1/actions/execute', {
      command: { intent: 'search_properties', confidence: 1, params: { location: 'Austin' } },
      idempotencyKey: 'strict-key-3',
    });
    expect(paths((await refusal(read)).details)).toEqual(['command.intent']);
    const note = await call('/v1/drafts', { command: { intent: 'add_note', confidence: 1, params: { text: 'hi' } } });
    expect(paths((await refusal(note)).details)).toContain('command.intent');
  });
});

describe("the model's tool call stays tolerant", () => {
  it('a field of its own is dropped, and the rest of the answer used', async () => {
    await fake.script({
      tool: { name: 'add_note', arguments: { contact: 'Maria Garcia', text: 'prefers a big yard', reason: 'the agent said so' } },
    });
    const res = await call(
      '/v1/commands/plan',
      { text: 'Maria Garcia mentioned she prefers a big yard, jot that down', ...at },
      withLlm(),
    );
    const body = PlanResponse.parse(await res.json());
    expect(body).toMatchObject({
      via: 'llm',
      command: { intent: 'add_note', params: { contact: 'Maria Garcia', text: 'prefers a big yard' } },
    });
    expect(body.command.params).not.toHaveProperty('reason');
    expect(await fake.requests()).toHaveLength(1);
  });
});
