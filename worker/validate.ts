import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { ApiError } from './errors';

type Problem = { path: string; message: string };
const NOT_A_FIELD = 'not a field';

/** Each failed field by its path; an unknown field on its own, so the caller sees its name ("criteria.maxPrice"). */
const problemsOf = (issues: z.core.$ZodIssue[]): Problem[] =>
  issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((key) => ({ path: [...i.path, key].join('.'), message: NOT_A_FIELD }))
      : [{ path: i.path.join('.'), message: i.message }],
  );

/** zValidator with the API's error shape: a 400 naming each field that failed, and each one that is not a field. */
export const validate = <T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  zValidator(target, schema, (result) => {
    if (!result.success) {
      const problems = problemsOf(result.error.issues);
      const named = problems.map((p) => (p.message === NOT_A_FIELD ? `${p.path} is not a field` : p.path || target));
      throw new ApiError(400, 'invalid_request', `Invalid ${target}: ${named.join(', ')}`, problems);
    }
  });
