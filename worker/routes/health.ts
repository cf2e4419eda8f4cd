import { Hono } from 'hono';
import pkg from '../../package.json';
import type { Health } from '../../shared/contracts';
import { type AppEnv, providers } from '../env';

export const health = new Hono<AppEnv>().get('/', (c) =>
  c.json({ ok: true, version: pkg.version, providers: providers(c.env) } satisfies Health),
);
