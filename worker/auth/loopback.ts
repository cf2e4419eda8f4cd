import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);
const LOOPBACK_IPS = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/** A Host header (with or without a port) that names this computer. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  try {
    return LOOPBACK_NAMES.has(new URL(`http://${host}`).hostname);
  } catch {
    return false;
  }
}

/**
 * Local mode hands out sessions with no account, so it answers only on loopback and only to a
 * loopback Host: a page that rebinds its own name to 127.0.0.1 still sends its own Host, and is refused.
 */
export const loopbackOnlyInLocalMode = createMiddleware<AppEnv>(async (c, next) => {
  if (c.env.LOCAL_MODE === 'true') {
    const ip = c.req.header('CF-Connecting-IP');
    const host = c.req.header('Host');
    const onLoopback = isLoopbackHost(new URL(c.req.url).host) && (host === undefined || isLoopbackHost(host));
    if (!onLoopback || (ip !== undefined && !LOOPBACK_IPS.test(ip)))
      throw new ApiError(403, 'not_loopback', 'This worker runs in local mode: it answers only on this computer (127.0.0.1).');
  }
  await next();
});
