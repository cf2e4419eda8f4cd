import { z } from 'zod';

const str = z.string().trim().min(1);

export const ListingAgent = z.strictObject({
  name: str.optional(),
  phone: str.optional(),
  email: z.email().optional(),
  office: str.optional(),
});

export const Listing = z.strictObject({
  /** One line: "450 7th St APT 1N, Hoboken, NJ 07030". */
  address: str,
  street: str.optional(),
  city: str.optional(),
  state: z
    .string()
    .regex(/^[A-Z]{2}$/, 'a two-letter state')
    .optional(),
  zip: z
    .string()
    .regex(/^\d{5}$/, 'a five-digit zip')
    .optional(),
  price: z.number().nonnegative().optional(),
  beds: z.number().nonnegative().optional(),
  baths: z.number().nonnegative().optional(),
  sqft: z.number().nonnegative().optional(),
  lotSqft: z.number().nonnegative().optional(),
  yearBuilt: z.number().int().min(1600).max(2200).optional(),
  mlsId: str.optional(),
  status: str.optional(),
  propertyType: str.optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  photos: z.array(z.url()).optional(),
  description: z.string().optional(),
  listingAgent: ListingAgent.optional(),
  /** The page the listing was read from, for a link back to it in the CRM. */
  url: z.url({ protocol: /^https?$/ }).optional(),
});
export type Listing = z.infer<typeof Listing>;

/**
 * A listing as it is answered or was stored: the same fields, but one this version does not know
 * (a newer worker's, an older row's) is dropped rather than refused, at every level.
 */
export const ListingRead = Listing.extend({ listingAgent: z.object(ListingAgent.shape).optional() }).strip();

export const PageContact = z.strictObject({
  id: str.optional(),
  name: str.optional(),
  email: z.email().optional(),
  phone: str.optional(),
});
export type PageContact = z.infer<typeof PageContact>;

/** What the agent is looking at: read from the page by a content script or the generic reader. */
export const PageContext = z.strictObject({
  kind: z.enum(['listing', 'search', 'contact', 'none']),
  url: z.url(),
  /** The site family that read the page, e.g. "zillow", "wiseagent", "generic". */
  site: z.string().min(1).max(40),
  listing: Listing.optional(),
  listings: z.array(Listing).optional(),
  contact: PageContact.optional(),
});
export type PageContext = z.infer<typeof PageContext>;
