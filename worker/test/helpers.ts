import { env } from 'cloudflare:test';
import { testClient } from 'hono/testing';
import type { FakeReply, RecordedRequest } from '../../e2e/fakes/openai';
import type { WriteCommand } from '../../shared/contracts';
import { startSession } from '../auth/session';
import type { Env } from '../env';
import app, { type AppType } from '../index';

/** The worker's bindings with the fake OpenAI-compatible endpoint configured. */
export const withLlm = (over: Partial<Env> = {}): Env => ({
  ...env,
  OPENAI_API_KEY: env.TEST_OPENAI_KEY,
  OPENAI_BASE_URL: env.TEST_OPENAI_URL,
  OPENAI_MODEL: 'gpt-test',
  ...over,
});

const fakeRoot = () => env.TEST_OPENAI_URL.replace(/\/v1$/, '');
export const fake = {
  reset: () => fetch(`${fakeRoot()}/__fake/reset`, { method: 'POST' }),
  script: (...replies: FakeReply[]) => fetch(`${fakeRoot()}/__fake/script`, { method: 'POST', body: JSON.stringify(replies) }),
  requests: async () => (await (await fetch(`${fakeRoot()}/__fake/requests`)).json()) as RecordedRequest[],
};

/** The worker's routes, typed and called in-process (Hono's testClient), signed in with `token` when given. */
export const client = (bindings: Env = env, token?: string) =>
  testClient<AppType>(app, bindings, undefined, token ? { headers: { Authorization: `Bearer ${token}` } } : undefined);

/** The typed routes as a newly signed-in extension calls them. */
export async function signedIn(bindings: Env = env) {
  const { accessToken } = await startSession(bindings, 'local');
  return client(bindings, accessToken);
}

/** Calls the app as a signed-in extension would, with any body: for requests the worker must refuse. */
export async function call(path: string, body: unknown, bindings: Env = env, headers: Record<string, string> = {}) {
  const { accessToken } = await startSession(bindings, 'local');
  return app.request(
    path,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}`, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    },
    bindings,
  );
}

/** A home the tests save to a contact, as a listing page gives it. */
export const SAVED_HOME = {
  address: '1200 Barton Hills Dr, Austin, TX 78704',
  price: 725000,
  beds: 3,
  baths: 2,
  mlsId: 'ATX-5512',
  url: 'https://www.zillow.com/homedetails/1200-Barton-Hills-Dr/1_zpid/',
};

/** "Maria is interested in this house": SAVED_HOME saved to whoever `params` names. */
export const saveListing = (params: Record<string, unknown>) =>
  ({ intent: 'save_listing', confidence: 1, params: { listing: SAVED_HOME, ...params } }) as WriteCommand;
