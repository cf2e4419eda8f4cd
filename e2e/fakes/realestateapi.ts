/**
 * A local stand-in for RealEstateAPI, after its published docs (RealEstateApi/docs: reference/Docs
 * response-envelope and authentication; Property Search, Property Detail and Property Comps pages):
 * JSON POSTs authenticated by `x-api-key`; answers in {statusCode, statusMessage, resultCount,
 * resultIndex, data}; search rows {id, address{address, street, city, state, zip}, bedrooms,
 * bathrooms, squareFeet, latitude, longitude, mlsActive, mlsStatus, mlsListingPrice}; detail
 * {propertyInfo{address, bedrooms, bathrooms, livingSquareFeet, lotSquareFeet, yearBuilt},
 * saleHistory[{saleDate, saleAmount}], mlsHistory[{status, statusDate, price}]}; comps
 * {data:{subject, comps[]}} with lastSaleDate / lastSaleAmount (the comps carry the search rows'
 * address object); AutoComplete {search} (3+ characters) → data[{searchType, title, address, city,
 * state, zip}]; 401 for a bad key; 429 {"error":"Too Many Requests"} with Retry-After.
 * The homes are the sample MLS's generated ones, each given the property_type RealEstateAPI would
 * file it under (Property Search: SFR, MFR, LAND, CONDO, MOBILE, OTHER; a townhouse is a CONDO).
 */
import { sampleListings } from '../../shared/sample-listings';
import { fakeServer, sendJson } from './http';

const PROPERTY_TYPE: Record<string, string> = {
  single_family: 'SFR',
  condo: 'CONDO',
  townhouse: 'CONDO',
  multi_family: 'MFR',
  land: 'LAND',
  manufactured: 'MOBILE',
};

const homes = sampleListings().map((h, i) => ({
  id: 100000 + i,
  address: { address: `${h.street}, ${h.city}, ${h.state} ${h.zip}`, street: h.street, city: h.city, state: h.state, zip: h.zip },
  bedrooms: h.beds,
  bathrooms: h.baths,
  squareFeet: h.sqft,
  lotSquareFeet: h.lot_sqft,
  yearBuilt: h.year_built,
  latitude: h.lat,
  longitude: h.lng,
  propertyType: PROPERTY_TYPE[h.property_type] ?? 'OTHER',
  mlsActive: h.status !== 'Closed',
  mlsStatus: h.status === 'Closed' ? 'Sold' : h.status,
  mlsListingPrice: h.price,
  lastSaleDate: h.closed_at,
  lastSaleAmount: h.close_price,
  listedAt: h.listed_at,
}));

export const REALESTATE_KEY = 'reapi-test-key';

export async function startFakeRealEstateApi(options: { delayMs?: number } = {}) {
  return fakeServer(
    (req, res) => {
      if (req.headers['x-api-key'] !== REALESTATE_KEY)
        return sendJson(res, 401, { statusCode: 401, statusMessage: 'Unauthorized', error: 'Invalid API key' });
      const b = (req.body ?? {}) as Record<string, unknown>;
      if (req.method === 'POST' && req.path === '/v2/PropertySearch') {
        const match = homes.filter(
          (h) =>
            (b.mls_active === undefined || h.mlsActive === b.mls_active) &&
            (!b.city || h.address.city.toLowerCase() === String(b.city).toLowerCase()) &&
            (!b.state || h.address.state === b.state) &&
            (!b.zip || h.address.zip === b.zip) &&
            (b.beds_min === undefined || h.bedrooms >= Number(b.beds_min)) &&
            (b.baths_min === undefined || h.bathrooms >= Number(b.baths_min)) &&
            (!b.property_type || h.propertyType === b.property_type) &&
            (b.mls_listing_price_min === undefined || h.mlsListingPrice >= Number(b.mls_listing_price_min)) &&
            (b.mls_listing_price_max === undefined || h.mlsListingPrice <= Number(b.mls_listing_price_max)),
        );
        const index = Number(b.resultIndex ?? 0);
        const size = Math.min(250, Number(b.size ?? 50));
        return sendJson(res, 200, {
          statusCode: 200,
          statusMessage: 'Success',
          resultCount: match.length,
          resultIndex: index,
          data: match.slice(index, index + size),
        });
      }
      const key = String(b.address ?? '').toLowerCase();
      const home = homes.find((h) => key.startsWith(h.address.street.toLowerCase()));
      if (req.method === 'POST' && req.path === '/v2/PropertyDetail') {
        if (!home) return sendJson(res, 404, { statusCode: 404, statusMessage: 'Not Found', data: {}, resultCount: 0 });
        return sendJson(res, 200, {
          statusCode: 200,
          statusMessage: 'Success',
          data: {
            id: home.id,
            propertyInfo: {
              address: home.address,
              bedrooms: home.bedrooms,
              bathrooms: home.bathrooms,
              livingSquareFeet: home.squareFeet,
              lotSquareFeet: home.lotSquareFeet,
              yearBuilt: home.yearBuilt,
              latitude: home.latitude,
              longitude: home.longitude,
            },
            mlsActive: home.mlsActive,
            mlsListingPrice: home.mlsListingPrice,
            mlsHistory: [{ status: 'Active', statusDate: home.listedAt, price: home.mlsListingPrice }],
            saleHistory: home.lastSaleDate ? [{ saleDate: home.lastSaleDate, saleAmount: home.lastSaleAmount }] : [],
          },
        });
      }
      if (req.method === 'POST' && req.path === '/v2/AutoComplete') {
        const search = String(b.search ?? '').toLowerCase();
        if (search.length < 3)
          return sendJson(res, 400, {
            statusCode: 400,
            statusMessage: 'Bad Request',
            error: 'search must be at least 3 characters',
          });
        const hits = homes.filter((h) => h.address.address.toLowerCase().startsWith(search)).slice(0, 10);
        return sendJson(res, 200, {
          statusCode: 200,
          statusMessage: 'Success',
          resultCount: hits.length,
          data: hits.map((h) => ({
            searchType: 'A',
            title: h.address.address,
            address: h.address.street,
            city: h.address.city,
            state: h.address.state,
            zip: h.address.zip,
            id: h.id,
          })),
        });
      }
      if (req.method === 'POST' && req.path === '/v3/PropertyComps') {
        const zip = /\b(\d{5})\b/.exec(key)?.[1] ?? home?.address.zip;
        const comps = homes
          .filter((h) => !h.mlsActive && h.address.zip === zip && h.id !== home?.id)
          .slice(0, Number(b.max_results ?? 10));
        return sendJson(res, 200, {
          statusCode: 200,
          statusMessage: 'Success',
          resultCount: comps.length,
          data: { subject: home ?? null, comps },
        });
      }
      sendJson(res, 404, { statusCode: 404, statusMessage: 'Not Found' });
    },
    (res, status, retryAfter) =>
      sendJson(
        res,
        status,
        status === 429
          ? { error: 'Too Many Requests', message: 'You have exceeded your request quota.' }
          : { statusCode: status, statusMessage: 'Error' },
        retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {},
      ),
    options,
  );
}
