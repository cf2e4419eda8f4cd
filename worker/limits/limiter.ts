import type { DurableObjectState } from '@cloudflare/workers-types';
import { z } from 'zod';

type Window = { start: number; count: number; previous: number };

export const TakeRequest = z.object({ limit: z.number().positive(), windowMs: z.number().positive() });
export const Taken = z.object({ ok: z.boolean(), retryAfterS: z.number() });
export const SpendRequest = z.object({ day: z.string(), calls: z.number().nonnegative(), tokens: z.number().nonnegative() });
export const Usage = z.object({ day: z.string(), calls: z.number(), tokens: z.number() });
export type Taken = z.infer<typeof Taken>;
export type Usage = z.infer<typeof Usage>;

/**
 * One counter per name (a session, an IP, an agent's day of LLM use), as a Durable Object: every
 * isolate of the worker, anywhere, asks the same instance, so a limit holds across all of them.
 * State is kept in the object's storage, which survives the object being evicted; its requests
 * run one at a time (storage calls close the input gate), so read-then-write cannot race.
 * Spoken to over fetch with JSON, validated on both sides.
 */
export class Limiter {
  constructor(private readonly state: DurableObjectState) {}

  async fetch(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname;
    const body: unknown = await request.json();
    if (path === '/take') {
      const { limit, windowMs } = TakeRequest.parse(body);
      return Response.json(await this.take(limit, windowMs, Date.now()));
    }
    if (path === '/usage') return Response.json(await this.usage(z.object({ day: z.string() }).parse(body).day));
    if (path === '/spend') return Response.json(await this.spend(SpendRequest.parse(body)));
    return new Response('not found', { status: 404 });
  }

  /**
   * Takes one request from a sliding window of `limit` per `windowMs` (the previous fixed window,
   * weighted by how much of it still overlaps, plus the current one). Refused requests count nothing.
   */
  private async take(limit: number, windowMs: number, now: number): Promise<Taken> {
    const start = now - (now % windowMs);
    const saved = await this.state.storage.get<Window>('window');
    const w: Window =
      saved?.start === start ? saved : { start, count: 0, previous: saved?.start === start - windowMs ? saved.count : 0 };
    const overlap = 1 - (now - start) / windowMs;
    const over = w.previous * overlap + w.count + 1 - limit;
    if (over > 0) {
      // The estimate falls as the previous window slides out; at the latest, this window ends.
      const slides = w.previous > 0 ? over / (w.previous / windowMs) : Number.POSITIVE_INFINITY;
      const wait = Math.min(slides, start + windowMs - now);
      return { ok: false, retryAfterS: Math.max(1, Math.ceil(wait / 1000)) };
    }
    w.count += 1;
    await this.state.storage.put('window', w);
    return { ok: true, retryAfterS: 0 };
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
