import { Hono } from 'hono';
import { parseCommand } from '../../shared/commands';
import { isWrite, PlanRequest, type PlanResponse } from '../../shared/contracts';
import type { AppEnv } from '../env';
import { llmFrom } from '../llm/client';
import { planWithLlm } from '../llm/plan';
import { validate } from '../validate';

/** Below this the local parser is not trusted alone and the LLM (when there is one) is asked. */
export const LOCAL_THRESHOLD = 0.75;

export const commands = new Hono<AppEnv>().post('/plan', validate('json', PlanRequest), async (c) => {
  const input = c.req.valid('json');
  const local = parseCommand(input.text, input);
  const answer = (plan: Omit<PlanResponse, 'needsConfirmation'>): PlanResponse => ({
    ...plan,
    needsConfirmation: isWrite(plan.command.intent),
  });

  if (local.confidence >= LOCAL_THRESHOLD) return c.json(answer({ command: local, via: 'local' }));
  const llm = llmFrom(c.env);
  if (!llm) {
    return c.json(
      answer({
        command: local,
        via: 'local',
        message:
          local.intent === 'unknown'
            ? 'Estait could not tell what to do with that. Try e.g. “add Jane Doe 512-555-0101 as a lead” or “3 bed homes in Austin under 500k”.'
            : 'No AI planner is configured, so this is the local reading; check it before confirming.',
      }),
    );
  }
  let plan: Awaited<ReturnType<typeof planWithLlm>>;
  try {
    plan = await planWithLlm(llm, input);
  } catch (err) {
    // The model being down, out of quota or misconfigured must not stop the agent: the local reading stands.
    console.warn(JSON.stringify({ requestId: c.get('requestId'), llmError: String(err) }));
    return c.json(
      answer({ command: local, via: 'local', message: 'The AI planner is unavailable right now; this is the local reading.' }),
    );
  }
  c.header('X-LLM-Prompt-Tokens', String(plan.promptTokens));
  return c.json(answer({ command: plan.command, via: 'llm', ...(plan.message && { message: plan.message }) }));
});
