/**
 * The Wise Agent fake's test controls, beside its API (never part of Wise Agent's): POST
 * /__fake/seed (see Seed in wiseagent-day.ts) puts contacts, notes, tasks and calendar events in;
 * POST /__fake/withhold {scopes: [...]} makes the next consent grant all but those; POST /__fake/deny
 * makes the next consent a refusal; POST /__fake/expire ends every access token now.
 */
import type { ServerResponse } from 'node:http';
import { type Recorded, sendJson } from './http';
import { type Held, type Seed, seed } from './wiseagent-day';
import type { WiseAgentOAuth } from './wiseagent-oauth';

/** Answers a test control; false when the request is not one. */
export function wiseAgentControls(held: Held, oauth: WiseAgentOAuth, nextId: () => number) {
  return (req: Recorded, res: ServerResponse): boolean => {
    if (req.path === '/__fake/seed') {
      sendJson(res, 200, seed(held, req.body as Seed, nextId));
      return true;
    }
    if (req.path === '/__fake/deny') oauth.deny();
    else if (req.path === '/__fake/withhold') oauth.withhold((req.body as { scopes: string[] }).scopes);
    else if (req.path === '/__fake/expire') oauth.expireAll();
    else return false;
    sendJson(res, 200, {});
    return true;
  };
}
