import { z } from 'zod';

/** Every error the worker returns, whatever the route. */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

export const Providers = z.object({
  llm: z.enum(['openai', 'none']),
  crm: z.enum(['wiseagent', 'followupboss', 'local']),
  mls: z.enum(['realestateapi', 'reso', 'sample']),
});
export type Providers = z.infer<typeof Providers>;

export const Health = z.object({ ok: z.boolean(), version: z.string(), providers: Providers });
export type Health = z.infer<typeof Health>;
