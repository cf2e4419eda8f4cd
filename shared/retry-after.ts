/**
 * A Retry-After header (RFC 9110: whole seconds, or an HTTP date) as seconds from `now`; undefined
 * when absent or unreadable. Callers round and bound it as they need.
 */
export function retryAfterSeconds(value: string | null | undefined, now = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const seconds = /^\d+$/.test(text) ? Number(text) : (Date.parse(text) - now) / 1000;
  return Number.isFinite(seconds) ? seconds : undefined;
}
