import type { CrmContact, MlsListing } from '../../shared/contracts';

/** Where the caches are kept by a page that may not open Estait's database itself. */
export type CacheKeeper = {
  /** An MLS answer and the listings in it. */
  answer: (key: string, value: unknown, listings: MlsListing[]) => Promise<void>;
  contacts: (contacts: CrmContact[]) => Promise<void>;
};
let keeper: CacheKeeper | undefined;
/**
 * For a page where the browser refuses the database (the palette's frame inside the agent's page
 * under third-party cookie blocking): reads go to the worker, and what they bring is kept by `keep`.
 */
export const keepCacheElsewhere = (keep: CacheKeeper) => {
  keeper = keep;
};
export const cacheElsewhere = () => keeper;
export const localCacheUsable = () => keeper === undefined;
