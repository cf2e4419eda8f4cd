/**
 * A local stand-in for a RESO Web API server (RESO Web API Core 2.0.0; field names from the RESO
 * Data Dictionary 2.0): GET /Property with the OData query options $filter (eq, ne, ge, le, and,
 * or, parentheses, startswith), $select, $top, $skip (Core 2.5.7), $orderby, $count and $expand=Media;
 * answers {"@odata.context", "@odata.count", "value": [...], "@odata.nextLink"} and pages with nextLink;
 * bearer tokens, issued by POST /token for OAuth2 client credentials; 401 without one, 429 with
 * Retry-After when told to. The homes are the sample MLS's generated ones.
 */
import { sampleListings } from '../../shared/sample-listings';
import { fakeServer, sendJson } from './http';

const SUBTYPES: Record<string, [string, string]> = {
  single_family: ['Residential', 'Single Family Residence'],
  condo: ['Residential', 'Condominium'],
  townhouse: ['Residential', 'Townhouse'],
  multi_family: ['Residential Income', 'Duplex'],
  land: ['Land', 'Unimproved Land'],
  manufactured: ['Residential', 'Manufactured Home'],
};

type Row = Record<string, unknown>;

const rows: Row[] = sampleListings().map((h, i) => ({
  ListingKey: `RESO${1000 + i}`,
  ListingId: `MLS${5000 + i}`,
  StandardStatus: h.status === 'Pending' ? 'ActiveUnderContract' : h.status,
  PropertyType: SUBTYPES[h.property_type]?.[0],
  PropertySubType: SUBTYPES[h.property_type]?.[1],
  ListPrice: h.price,
  ClosePrice: h.close_price,
  CloseDate: h.closed_at,
  ListingContractDate: h.listed_at,
  BedroomsTotal: h.beds,
  BathroomsTotalInteger: Math.floor(h.baths),
  LivingArea: h.sqft,
  LotSizeArea: h.lot_sqft,
  YearBuilt: h.year_built,
  UnparsedAddress: h.street,
  City: h.city,
  StateOrProvince: h.state,
  PostalCode: h.zip,
  CountyOrParish: h.county,
  Latitude: h.lat,
  Longitude: h.lng,
  ListAgentFullName: h.agent_name,
  ListOfficeName: h.office,
  ModificationTimestamp: `${h.listed_at}T12:00:00Z`,
  Media: [{ MediaURL: `https://media.example-mls.com/${1000 + i}/1.jpg`, Order: 1 }],
}));

export const RESO_TOKEN = 'reso-test-token';
export const RESO_CLIENT = { id: 'estait-client', secret: 'estait-secret' };

/** Splits on a keyword outside parentheses and quotes. */
function splitTop(text: string, word: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    else if (!quoted && depth === 0 && text.startsWith(` ${word} `, i)) {
      parts.push(text.slice(start, i));
      start = i + word.length + 2;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

const value = (raw: string): unknown => (raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : Number(raw));

/** Evaluates the OData $filter subset servers commonly support. Unknown syntax is a 400. */
function test(filter: string, row: Row): boolean {
  const text = filter.trim();
  const ors = splitTop(text, 'or');
  if (ors.length > 1) return ors.some((p) => test(p, row));
  const ands = splitTop(text, 'and');
  if (ands.length > 1) return ands.every((p) => test(p, row));
  if (text.startsWith('(') && text.endsWith(')')) return test(text.slice(1, -1), row);
  const starts = /^startswith\((\w+),\s*('(?:[^']|'')*')\)$/.exec(text);
  if (starts?.[1] && starts[2]) return String(row[starts[1]] ?? '').startsWith(String(value(starts[2])));
  const m = /^(\w+) (eq|ne|ge|le|gt|lt) ('(?:[^']|'')*'|-?[\d.]+|null)$/.exec(text);
  if (!m?.[1] || !m[2] || !m[3]) throw new Error(`unsupported filter: ${text}`);
  const left = row[m[1]] as number | string | null;
  const right = m[3] === 'null' ? null : (value(m[3]) as number | string);
  switch (m[2]) {
    case 'eq':
      return left === right;
    case 'ne':
      return left !== right;
    case 'ge':
      return left !== null && right !== null && left >= right;
    case 'le':
      return left !== null && right !== null && left <= right;
    case 'gt':
      return left !== null && right !== null && left > right;
    default:
      return left !== null && right !== null && left < right;
  }
}

export async function startFakeReso() {
  const server = await fakeServer(
    (req, res) => {
      if (req.method === 'POST' && req.path === '/token') {
        const form = new URLSearchParams(String(req.body ?? ''));
        return form.get('client_id') === RESO_CLIENT.id &&
          form.get('client_secret') === RESO_CLIENT.secret &&
          form.get('grant_type') === 'client_credentials'
          ? sendJson(res, 200, { access_token: RESO_TOKEN, token_type: 'Bearer', expires_in: 3600 })
          : sendJson(res, 401, { error: 'invalid_client' });
      }
      if (req.headers.authorization !== `Bearer ${RESO_TOKEN}`)
        return sendJson(res, 401, { error: { code: '401', message: 'Unauthorized' } });
      if (req.method !== 'GET' || req.path !== '/odata/Property')
        return sendJson(res, 404, { error: { code: '404', message: 'Not found' } });
      let match: Row[];
      try {
        match = req.query.$filter ? rows.filter((r) => test(req.query.$filter as string, r)) : rows;
      } catch (err) {
        return sendJson(res, 400, { error: { code: '400', message: String(err) } });
      }
      const [field, dir] = (req.query.$orderby ?? '').split(' ');
      if (field)
        match = [...match].sort(
          (a, b) => String(a[field] ?? '').localeCompare(String(b[field] ?? '')) * (dir === 'desc' ? -1 : 1),
        );
      const top = Number(req.query.$top ?? 100);
      // A nextLink's $skiptoken is this server's own: it counts rows skipped, as a client's $skip does.
      const skip = Number(req.query.$skiptoken ?? req.query.$skip ?? 0);
      const page = match.slice(skip, skip + top);
      const select = req.query.$select?.split(',');
      const expand = req.query.$expand?.startsWith('Media');
      const value = page.map((r) => ({
        ...(select ? Object.fromEntries(select.map((s) => [s, r[s] ?? null])) : r),
        ...(expand && { Media: r.Media }),
      }));
      const next =
        skip + top < match.length
          ? new URLSearchParams({
              ...Object.fromEntries(Object.entries(req.query).filter(([k]) => k !== '$skip')),
              $skiptoken: String(skip + top),
            })
          : undefined;
      sendJson(res, 200, {
        '@odata.context': '$metadata#Property',
        ...(req.query.$count === 'true' && { '@odata.count': match.length }),
        value,
        ...(next && { '@odata.nextLink': `${server.url}/odata/Property?${next.toString()}` }),
      });
    },
    (res, status, retryAfter) =>
      sendJson(
        res,
        status,
        { error: { code: String(status), message: 'Too many requests' } },
        retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {},
      ),
  );
  return server;
}
