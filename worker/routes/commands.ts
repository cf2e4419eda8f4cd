import { Hono } from 'hono';
import { parse } from '../../shared/commands';
import { CONFIDENCE } from '../../shared/commands/confidence';
import { suggest } from '../../shared/commands/suggest';
import { toE164 } from '../../shared/commands/text';
import {
  isDraftCommand,
  isWrite,
  isWriteCommand,
  type PageContext,
  type ParsedCommand,
  PlanRequest,
  type PlanResponse,
  type Target,
} from '../../shared/contracts';
import { crmFor } from '../crm';
import { type ContactRef, findTarget } from '../crm/resolve';
import type { AppEnv, Env } from '../env';
import { llmBudget } from '../limits';
import { llmFrom } from '../llm/client';
import { planWithLlm, referencesOf } from '../llm/plan';
import { validate } from '../validate';

const DECLINED = 'Estait could not tell what to do with that.';

/**
 * Who a write or a draft is for, as the CRM knows them, looked up before the card is shown. The
 * contact open in the tab also brings its email and phone, so a contact page of one CRM finds the
 * same person in another.
 */
function targetOf(env: Env, userId: string, command: ParsedCommand, page: PageContext | undefined): Promise<Target> | undefined {
  if (!(isWriteCommand(command) || isDraftCommand(command)) || command.intent === 'add_lead') return undefined;
  const { params } = command;
  const p: ContactRef = {
    contact: params.contact,
    contactId: params.contactId,
    phone: 'phone' in params ? params.phone : undefined,
    email: 'email' in params ? params.email : undefined,
  };
  if (!p.contact && !p.contactId && !p.phone && !p.email) return undefined;
  const onPage = page?.kind === 'contact' && page.contact?.id === p.contactId ? page.contact : undefined;
  const phone = onPage?.phone && toE164(onPage.phone);
  return findTarget(crmFor(env, userId), {
    ...p,
    ...(onPage?.email && !p.email && { email: onPage.email }),
    ...(phone && !p.phone && { phone }),
    ...(onPage?.name && !p.contact && { contact: onPage.name }),
  });
}

export const commands = new Hono<AppEnv>().post('/plan', validate('json', PlanRequest), async (c) => {
  const input = c.req.valid('json');
  const local = parse(input.text, input);
  let plan: Omit<PlanResponse, 'needsConfirmation'> = { command: local.command, via: 'local', references: local.references };

  const llm = local.command.confidence >= CONFIDENCE.local ? undefined : llmFrom(c.env);
  const budget = llmBudget(c.env, c.get('session').userId);
  if (llm && !(await budget.allows())) {
    plan.message = 'Today’s AI allowance for your account is used up, so this is the local reading; it renews at midnight UTC.';
  } else if (llm) {
    try {
      const answer = await planWithLlm(llm, input);
      await budget.spend(answer.attempts, answer.tokens);
      c.header('X-LLM-Prompt-Tokens', String(answer.promptTokens));
      plan = {
        command: answer.command,
        via: 'llm',
        references: referencesOf(answer.command, input),
        ...(answer.message && { message: answer.message }),
      };
    } catch (err) {
      await budget.spend(1, 0);
      // The model being down, out of quota or misconfigured must not stop the agent: the local reading stands.
      console.warn(JSON.stringify({ requestId: c.get('requestId'), llmError: String(err) }));
      plan.message = 'The AI planner is unavailable right now; this is the local reading.';
    }
  } else if (local.command.confidence < CONFIDENCE.local && local.command.intent !== 'unknown') {
    plan.message = 'No AI planner is configured, so this is the local reading; check it before confirming.';
  }

  const { command } = plan;
  if (command.intent === 'unknown') {
    const { understood, suggestions } = suggest(input.text, input);
    plan = {
      ...plan,
      message: plan.message ?? DECLINED,
      ...(understood.length && { understood }),
      ...(suggestions.length && { suggestions }),
    };
  }
  const target = await targetOf(c.env, c.get('session').userId, command, input.page);
  const { references, ...rest } = plan;
  return c.json({
    ...rest,
    ...(references?.length && { references }),
    ...(target && { target }),
    needsConfirmation: isWrite(command.intent),
  } satisfies PlanResponse);
});
