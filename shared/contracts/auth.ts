import { z } from 'zod';

export const SessionTokens = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** When the access token stops working (ISO 8601); refresh a little before. */
  expiresAt: z.iso.datetime(),
});
export type SessionTokens = z.infer<typeof SessionTokens>;

export const RefreshRequest = z.strictObject({ refreshToken: z.string().min(32).max(128) });
