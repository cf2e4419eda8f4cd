import { startFakeOpenAI } from '../../e2e/fakes/openai';
import { llmFrom } from '../../worker/llm/client';
import { planWithLlm } from '../../worker/llm/plan';
import { readCases } from './parse';
import { type Figure, pending, quantile } from './stats';

/** Prompt tokens per planned command, counted by the local OpenAI-compatible server's usage. */
export async function benchLlm(): Promise<Record<string, Figure>> {
  const cases = readCases();
  if (!cases) return { llm_prompt_tokens_p50: pending('no evaluation set'), llm_prompt_tokens_max: pending('no evaluation set') };
  const fake = await startFakeOpenAI();
  try {
    const llm = llmFrom({ OPENAI_API_KEY: fake.key, OPENAI_BASE_URL: fake.url, OPENAI_MODEL: 'gpt-test' } as Parameters<
      typeof llmFrom
    >[0]);
    if (!llm) throw new Error('no LLM');
    const tokens: number[] = [];
    for (const c of cases) tokens.push((await planWithLlm(llm, c)).promptTokens);
    const note = `every sentence of the evaluation set sent to the planner (in use only those the local parser is unsure of go there), o200k tokens of messages + tool definitions`;
    return {
      llm_prompt_tokens_p50: { value: quantile(tokens, 0.5), samples: tokens.length, unit: 'tokens', note },
      llm_prompt_tokens_max: { value: Math.max(...tokens), samples: tokens.length, unit: 'tokens', note },
    };
  } finally {
    await fake.close();
  }
}
