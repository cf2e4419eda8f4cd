import { Hono } from 'hono';
import {
  AddressQuery,
  AutocompleteQuery,
  type AutocompleteResponse,
  type CompsResponse,
  type DetailsResponse,
  SearchRequest,
  type SearchResponse,
} from '../../shared/contracts';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { mlsFor } from '../mls';
import { validate } from '../validate';

export const properties = new Hono<AppEnv>()
  .post('/search', validate('json', SearchRequest), async (c) => {
    const mls = mlsFor(c.env);
    const { criteria, page = 0 } = c.req.valid('json');
    const { cached, ...found } = await mls.search(criteria, page);
    return c.json({ ...found, source: { ...mls.source, ...(cached !== undefined && { cached }) } } satisfies SearchResponse);
  })
  .get('/details', validate('query', AddressQuery), async (c) => {
    const mls = mlsFor(c.env);
    const found = await mls.details(c.req.valid('query').address);
    if (!found) throw new ApiError(404, 'property_not_found', 'No record for that address in the MLS.');
    return c.json({ ...found, source: mls.source } satisfies DetailsResponse);
  })
  .get('/comps', validate('query', AddressQuery), async (c) => {
    const mls = mlsFor(c.env);
    return c.json({ comps: await mls.comps(c.req.valid('query').address), source: mls.source } satisfies CompsResponse);
  })
  .get('/autocomplete', validate('query', AutocompleteQuery), async (c) => {
    const mls = mlsFor(c.env);
    return c.json({
      addresses: await mls.autocomplete(c.req.valid('query').q),
      source: mls.source,
    } satisfies AutocompleteResponse);
  });
