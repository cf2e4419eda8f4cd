import OpenAI from 'openai';
import type { Env } from '../env';

export type Llm = { client: OpenAI; model: string };

export const DEFAULT_MODEL = 'gpt-4o-mini';

/** The configured OpenAI-compatible endpoint, or undefined when no LLM is set up. */
export function llmFrom(env: Env): Llm | undefined {
  if (!env.OPENAI_API_KEY) return undefined;
  return {
    client: new OpenAI({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL || undefined, maxRetries: 1, timeout: 20_000 }),
    model: env.OPENAI_MODEL || DEFAULT_MODEL,
  };
}

/**
 * Page content and the agent's sentence reach the model as quoted data: JSON with "<" escaped,
 * so nothing inside can close the delimiting tags or pose as an instruction block.
 */
export const quote = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
