import type { MlsListing } from '../../shared/contracts';

/** Where MLS answers are kept by a page that may not open this database itself. */
export type CacheKeeper = (key: string, value: unknown, listings: MlsListing[]) => Promise<void>;
let keeper: CacheKeeper | undefined;
/**
 * For a page where the browser refuses this database (the palette's frame inside the agent's page
 * under third-party cookie blocking): reads go to the worker, and what they bring is kept by `keep`.
 */
export const keepCacheElsewhere = (keep: CacheKeeper) => {
  keeper = keep;
};
export const cacheElsewhere = () => keeper;
export const localCacheUsable = () => keeper === undefined;
