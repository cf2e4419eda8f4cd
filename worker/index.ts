import type { ExportedHandlerScheduledHandler } from '@cloudflare/workers-types';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { loopbackOnlyInLocalMode } from './auth/loopback';
import { requireSession } from './auth/require-session';
import { type AppEnv, allowedOrigins, type Env } from './env';
import { ApiError, codeFor, errorResponse } from './errors';
import { housekeeping } from './housekeeping';
import { signInLimit } from './limits';
import { actions } from './routes/actions';
import { activity } from './routes/activity';
import { agenda } from './routes/agenda';
import { auth } from './routes/auth';
import { commands } from './routes/commands';
import { contacts } from './routes/contacts';
import { drafts } from './routes/drafts';
import { health } from './routes/health';
import { properties } from './routes/properties';
import { tasks } from './routes/tasks';
import { wiseAgentAuth } from './routes/wiseagent';

/** Commands, notes and page context are small; anything larger is a mistake or an attack. */
const MAX_BODY_BYTES = 64 * 1024;

const app = new Hono<AppEnv>()
  .use(requestId())
  .use(secureHeaders())
  .use(loopbackOnlyInLocalMode)
  .use(
    '/v1/*',
    cors({
      // Only the extension's own origin(s) get a grant; any other origin gets no CORS headers at all.
      origin: (origin, c) => (allowedOrigins(c.env).includes(origin) ? origin : null),
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      exposeHeaders: ['X-Request-Id', 'Retry-After', 'X-LLM-Prompt-Tokens'],
      maxAge: 600,
    }),
  )
  .use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', `The request body is over ${MAX_BODY_BYTES} bytes.`);
      },
    }),
  );

const routes = app
  .route('/v1/health', health)
  .use('/v1/auth/*', signInLimit)
  .route('/v1/auth/wiseagent', wiseAgentAuth)
  .route('/v1/auth', auth)
  .use('/v1/*', requireSession)
  .route('/v1/commands', commands)
  .route('/v1/drafts', drafts)
  .route('/v1/actions', actions)
  .route('/v1/contacts', contacts)
  .route('/v1/activity', activity)
  .route('/v1/agenda', agenda)
  .route('/v1/tasks', tasks)
  .route('/v1/properties', properties);

app.notFound((c) => errorResponse(c, new ApiError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`)));

app.onError((err, c) => {
  if (err instanceof ApiError) return errorResponse(c, err);
  if (err instanceof HTTPException) {
    return errorResponse(c, new ApiError(err.status, codeFor(err.status), err.message || 'Request failed.'));
  }
  console.error(JSON.stringify({ requestId: c.get('requestId'), error: String(err), stack: err.stack }));
  return errorResponse(c, new ApiError(500, 'internal', 'Something went wrong on our side; the request id helps us find it.'));
});

export type AppType = typeof routes;
export { AiAllowance } from './limits/ai-allowance';

/** The hourly cron trigger (wrangler.toml) runs the clean-up; requests are Hono's, typed by their routes. */
const scheduled: ExportedHandlerScheduledHandler<Env> = (_controller, env, ctx) => {
  ctx.waitUntil(housekeeping(env).then((deleted) => console.log(JSON.stringify({ housekeeping: deleted }))));
};
export default Object.assign(routes, { scheduled });
