import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { DraftResponse, type PageContext, type ParsedCommand } from '../../shared/contracts';
import { call, fake, withLlm } from './helpers';

const email: ParsedCommand = {
  intent: 'draft_message',
  confidence: 0.9,
  params: { contact: 'Kevin Lee', channel: 'email', purpose: 'about the new listings in Oakland' },
};
const sms: ParsedCommand = {
  intent: 'draft_message',
  confidence: 0.9,
  params: { contactId: '77', channel: 'sms', purpose: 'that the showing is confirmed' },
};
const contactPage: PageContext = {
  kind: 'contact',
  url: 'https://thewiseagent.com/secure/client/SUMMARY.asp?ClientID=77',
  site: 'wiseagent',
  contact: { id: '77', name: 'Dana Whitfield' },
};

beforeEach(async () => {
  await fake.reset();
});

describe('POST /v1/drafts', () => {
  it('writes a template without an LLM: an email with a subject, a short text', async () => {
    const mail = DraftResponse.parse(await (await call('/v1/drafts', { command: email })).json());
    expect(mail).toMatchObject({
      via: 'template',
      lint: [],
      draft: { channel: 'email', subject: 'The new listings in Oakland' },
    });
    expect(mail.draft.body).toMatch(/^Hi Kevin,\n\nI wanted to reach out about the new listings in Oakland\./);
    const text = DraftResponse.parse(await (await call('/v1/drafts', { command: sms, page: contactPage })).json());
    expect(text.draft).toEqual({ channel: 'sms', body: 'Hi Dana, I wanted to let you know that the showing is confirmed.' });
  });

  it('drafts with the LLM and flags Fair Housing problems in what it wrote', async () => {
    await fake.script({
      content: 'Subject: Oakland homes\n\nHi Kevin, two new listings, perfect for young couples, just came up.',
    });
    const res = DraftResponse.parse(await (await call('/v1/drafts', { command: email }, withLlm())).json());
    expect(res).toMatchObject({ via: 'llm', draft: { subject: 'Oakland homes' } });
    expect(res.lint).toEqual([expect.objectContaining({ phrase: 'perfect for young couples', category: 'familial_status' })]);
    const [sent] = await fake.requests();
    expect(sent?.body.stream).toBe(true);
  });

  it('streams the draft as server-sent events, ending with the checked draft', async () => {
    await fake.script({ content: 'Hi Dana, the showing is confirmed for Friday at 4:30.' });
    const res = await call('/v1/drafts', { command: sms, page: contactPage }, withLlm(), { Accept: 'text/event-stream' });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = (await res.text())
      .split('\n\n')
      .filter(Boolean)
      .map((block) => ({
        event: /^event: (.*)$/m.exec(block)?.[1],
        data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null'),
      }));
    const deltas = events
      .filter((e) => e.event === 'delta')
      .map((e) => e.data.text)
      .join('');
    expect(deltas).toBe('Hi Dana, the showing is confirmed for Friday at 4:30.');
    expect(DraftResponse.parse(events.at(-1)?.data)).toMatchObject({ via: 'llm', lint: [], draft: { channel: 'sms' } });
  });

  it('falls back to the template when the LLM fails', async () => {
    const res = DraftResponse.parse(
      await (await call('/v1/drafts', { command: email }, withLlm({ OPENAI_API_KEY: 'sk-wrong' }))).json(),
    );
    expect(res.via).toBe('template');
  });

  it('refuses anything but a draft_message command', async () => {
    const res = await call('/v1/drafts', { command: { intent: 'add_note', confidence: 1, params: { text: 'x' } } }, env);
    expect(res.status).toBe(400);
  });

  it('reminds the agent of TCPA consent on a text to a contact without recorded consent to texts, not otherwise', async () => {
    const consent = { channels: ['sms', 'call'], text: 'Yes, text me', at: '2026-11-20T17:00:00.000Z', source: 'open house' };
    for (const [firstName, params] of [
      ['Tessa', { consent }],
      ['Ulric', {}],
    ] as const) {
      const res = await call('/v1/actions/execute', {
        command: { intent: 'add_lead', confidence: 1, params: { firstName, lastName: 'Vance', ...params } },
        idempotencyKey: crypto.randomUUID(),
      });
      expect(res.status).toBe(200);
    }
    const text = (contact: string): ParsedCommand => ({
      intent: 'draft_message',
      confidence: 1,
      params: { contact, channel: 'sms', purpose: 'the open house is on Sunday' },
    });
    const agreed = DraftResponse.parse(await (await call('/v1/drafts', { command: text('Tessa Vance') })).json());
    expect(agreed.notices).toBeUndefined();
    const silent = DraftResponse.parse(await (await call('/v1/drafts', { command: text('Ulric Vance') })).json());
    expect(silent.notices).toEqual([
      { code: 'tcpa_consent', message: expect.stringContaining('No consent to texts is recorded for Ulric Vance') },
    ]);
    const mail = DraftResponse.parse(
      await (
        await call('/v1/drafts', {
          command: { ...text('Ulric Vance'), params: { contact: 'Ulric Vance', channel: 'email', purpose: 'x' } },
        })
      ).json(),
    );
    expect(mail.notices).toBeUndefined();
  });
});
