import { z } from 'zod';
import { Mls } from './api';
import { SearchCriteria } from './command';
import { ListingRead } from './page';

/** Where listing data came from; sample data always says so. */
export const MlsSource = z.object({
  provider: Mls,
  sample: z.boolean(),
  note: z.string().optional(),
  cached: z.boolean().optional(),
});
export type MlsSource = z.infer<typeof MlsSource>;

/** A listing as the MLS answers it: the page Listing plus the provider's id and, for sales, the close. */
export const MlsListing = ListingRead.extend({
  id: z.string(),
  listedAt: z.string().optional(),
  closePrice: z.number().optional(),
  closedAt: z.string().optional(),
}).strip();
export type MlsListing = z.infer<typeof MlsListing>;

export const HistoryEvent = z.object({ date: z.string(), event: z.string(), price: z.number().optional() });
export type HistoryEvent = z.infer<typeof HistoryEvent>;

/** Homes in one page of MLS search results; `page` counts from 0, up to the last one served. */
export const SEARCH_PAGE_SIZE = 25;
export const SEARCH_LAST_PAGE = 40;
export const SearchRequest = z.strictObject({
  criteria: SearchCriteria,
  page: z.number().int().min(0).max(SEARCH_LAST_PAGE).optional(),
});
export const SearchResponse = z.object({ listings: z.array(MlsListing), total: z.number().int(), source: MlsSource });
export type SearchResponse = z.infer<typeof SearchResponse>;

export const AddressQuery = z.strictObject({ address: z.string().trim().min(3).max(200) });
export const DetailsResponse = z.object({ listing: MlsListing, history: z.array(HistoryEvent).optional(), source: MlsSource });
export type DetailsResponse = z.infer<typeof DetailsResponse>;
export const CompsResponse = z.object({ comps: z.array(MlsListing), source: MlsSource });
export type CompsResponse = z.infer<typeof CompsResponse>;

export const AutocompleteQuery = z.strictObject({ q: z.string().trim().min(3).max(120) });
export const AutocompleteResponse = z.object({ addresses: z.array(z.string()), source: MlsSource });
export type AutocompleteResponse = z.infer<typeof AutocompleteResponse>;
