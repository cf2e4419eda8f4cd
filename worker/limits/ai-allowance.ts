import type { DurableObjectState } from '@cloudflare/workers-types';
import { z } from 'zod';

export const SpendRequest = z.object({ day: z.string(), calls: z.number().nonnegative(), tokens: z.number().nonnegative() });
export const Usage = z.object({ day: z.string(), calls: z.number(), tokens: z.number() });
export type Usage = z.infer<typeof Usage>;

/**
 * An agent's day of LLM use, as a Durable Object (one per agent): every isolate of the worker,
 * anywhere, asks the same instance, so the allowance holds exactly across all of them.
 * State is kept in the object's storage, which survives the object being evicted; its requests
 * run one at a time (storage calls close the input gate), so read-then-write cannot race.
 * Spoken to over fetch with JSON, validated on both sides.
 */
export class AiAllowance {
  constructor(private readonly state: DurableObjectState) {}

  async fetch(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname;
    const body: unknown = await request.json();
    if (path === '/usage') return Response.json(await this.usage(z.object({ day: z.string() }).parse(body).day));
    if (path === '/spend') return Response.json(await this.spend(SpendRequest.parse(body)));
    return new Response('not found', { status: 404 });
  }

  private async usage(day: string): Promise<Usage> {
    const saved = await this.state.storage.get<Usage>('usage');
    return saved?.day === day ? saved : { day, calls: 0, tokens: 0 };
  }

  private async spend({ day, calls, tokens }: z.infer<typeof SpendRequest>): Promise<Usage> {
    const current = await this.usage(day);
    const next = { day, calls: current.calls + calls, tokens: current.tokens + tokens };
    await this.state.storage.put('usage', next);
    return next;
  }
}
