import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { type Draft, type DraftNotice, DraftRequest, type DraftResponse } from '../../shared/contracts';
import { lintFairHousing } from '../../shared/fair-housing';
import { fullName } from '../../shared/format';
import { crmFor } from '../crm';
import { recipientOf, smsConsentNotices } from '../drafts/consent';
import { templateDraft } from '../drafts/template';
import type { AppEnv } from '../env';
import { llmBudget } from '../limits';
import { llmFrom } from '../llm/client';
import { splitSubject, streamDraft } from '../llm/draft';
import { validate } from '../validate';

const finishWith =
  (notices: DraftNotice[]) =>
  (draft: Draft, via: DraftResponse['via']): DraftResponse => ({
    draft,
    lint: lintFairHousing([draft.subject, draft.body].filter(Boolean).join('\n')),
    via,
    ...(notices.length && { notices }),
  });

/**
 * POST /v1/drafts: a draft_message command (+ the page) → { draft, lint, via, notices? }. With an LLM and
 * `Accept: text/event-stream`, the text streams as `delta` events and ends with a `draft` event.
 */
export const drafts = new Hono<AppEnv>().post('/', validate('json', DraftRequest), async (c) => {
  const { command: draftCommand, page } = c.req.valid('json');
  const said = draftCommand.params.contact ?? (page?.kind === 'contact' ? page.contact?.name : undefined);
  const recipient = await recipientOf(crmFor(c.env, c.get('session').userId), draftCommand, page);
  // The name as the CRM spells it ("Zoë", not the "zoe" typed).
  const contactName = recipient ? fullName(recipient) : said;
  // Only the listing the sentence is about ("send this listing to Maria", "ask the listing agent…"):
  // "running 10 min late" typed on a listing page is not about that house.
  const { listing } = draftCommand.params;
  const finish = finishWith(smsConsentNotices(draftCommand, recipient, said));
  const budget = llmBudget(c.env, c.get('session').userId);
  // Past the agent's daily AI allowance, the template writes the draft.
  const configured = llmFrom(c.env);
  const llm = configured && (await budget.allows()) ? configured : undefined;
  if (!llm) return c.json(finish(templateDraft(draftCommand, contactName, listing), 'template'));
  const meter = { tokens: 0 };

  const toDraft = (text: string): Draft => ({ channel: draftCommand.params.channel, ...splitSubject(text) });
  const fallback = (err: unknown) => {
    // The model being unavailable still leaves the agent a draft to edit.
    console.warn(JSON.stringify({ requestId: c.get('requestId'), llmError: String(err) }));
    return finish(templateDraft(draftCommand, contactName, listing), 'template');
  };
  if (!c.req.header('Accept')?.includes('text/event-stream')) {
    try {
      let text = '';
      for await (const delta of streamDraft(llm, draftCommand, contactName, listing, meter)) text += delta;
      return c.json(finish(toDraft(text), 'llm'));
    } catch (err) {
      return c.json(fallback(err));
    } finally {
      await budget.spend(1, meter.tokens);
    }
  }
  return streamSSE(c, async (sse) => {
    let text = '';
    try {
      for await (const delta of streamDraft(llm, draftCommand, contactName, listing, meter)) {
        text += delta;
        await sse.writeSSE({ event: 'delta', data: JSON.stringify({ text: delta }) });
      }
      await sse.writeSSE({ event: 'draft', data: JSON.stringify(finish(toDraft(text), 'llm')) });
    } catch (err) {
      await sse.writeSSE({ event: 'draft', data: JSON.stringify(fallback(err)) });
    } finally {
      await budget.spend(1, meter.tokens);
    }
  });
});
