import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { ApiError } from './errors';

/** zValidator with the API's error shape: a 400 naming each field that failed. */
export const validate = <T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  zValidator(target, schema, (result) => {
    if (!result.success) {
      // An unknown field is named, not just its object: "Invalid query: maxPrice".
      const issues = result.error.issues.map((i) => ({
        path: i.code === 'unrecognized_keys' ? [...i.path, ...i.keys].join(', ') : i.path.join('.'),
        message: i.message,
      }));
      throw new ApiError(400, 'invalid_request', `Invalid ${target}: ${issues.map((i) => i.path || target).join(', ')}`, issues);
    }
  });
