import { z } from 'zod';
import { HistoryEvent, MlsListing, type MlsSource, type SearchCriteria } from '../../shared/contracts';

/**
 * A provider's answers, as kept in the worker's cache of upstream answers and read back through
 * these same schemas (an entry written by an older deployment that no longer fits is asked again).
 */
export const FoundListings = z.object({ listings: z.array(MlsListing), total: z.number() });
export const ListingDetails = z.object({ listing: MlsListing, history: z.array(HistoryEvent) });
export const Listings = z.array(MlsListing);
export const Addresses = z.array(z.string());

/** What Estait needs from an MLS or property-data API. */
export interface MlsProvider {
  readonly source: MlsSource;
  /** `cached`: answered from the worker's cache of upstream answers, not asked again. */
  search(criteria: SearchCriteria, page: number): Promise<z.infer<typeof FoundListings> & { cached?: boolean }>;
  details(address: string): Promise<z.infer<typeof ListingDetails> | undefined>;
  comps(address: string): Promise<z.infer<typeof Listings>>;
  /** Full addresses that start like what the agent typed (3+ characters). */
  autocomplete(text: string): Promise<z.infer<typeof Addresses>>;
}

export { SEARCH_PAGE_SIZE as PAGE_SIZE } from '../../shared/contracts';
