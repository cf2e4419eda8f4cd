import { seededRandom } from './random';

/**
 * The sample MLS: a few hundred made-up listings across several metros, generated the same way on
 * every machine (a seeded generator), so search, details and comps work with no account. None of
 * these homes is real; every answer built from them says so.
 */

type Metro = {
  city: string;
  /** For agents' phone numbers, in the 555-01XX range reserved for fiction. */
  area: string;
  state: string;
  county: string;
  zips: string[];
  lat: number;
  lng: number;
  /** Typical price per square foot. */
  ppsf: number;
  streets: string[];
};

const METROS: Metro[] = [
  {
    city: 'Austin',
    area: '512',
    state: 'TX',
    county: 'Travis',
    zips: ['78701', '78702', '78703', '78704', '78745', '78751', '78757'],
    lat: 30.27,
    lng: -97.74,
    ppsf: 290,
    streets: [
      'Barton Springs Rd',
      'S Lamar Blvd',
      'E Cesar Chavez St',
      'Shoal Creek Blvd',
      'Avenue F',
      'Manor Rd',
      'W 6th St',
      'Burnet Rd',
    ],
  },
  {
    city: 'Round Rock',
    area: '512',
    state: 'TX',
    county: 'Williamson',
    zips: ['78664', '78665', '78681'],
    lat: 30.51,
    lng: -97.68,
    ppsf: 220,
    streets: ['Lakeview Ct', 'Sam Bass Rd', 'Gattis School Rd', 'Red Bud Ln'],
  },
  {
    city: 'Miami',
    area: '305',
    state: 'FL',
    county: 'Miami-Dade',
    zips: ['33127', '33131', '33133', '33137', '33145'],
    lat: 25.77,
    lng: -80.19,
    ppsf: 520,
    streets: ['Brickell Ave', 'Biscayne Blvd', 'SW 8th St', 'NE 2nd Ave', 'Coral Way'],
  },
  {
    city: 'Denver',
    area: '303',
    state: 'CO',
    county: 'Denver',
    zips: ['80202', '80205', '80206', '80210', '80218'],
    lat: 39.74,
    lng: -104.99,
    ppsf: 390,
    streets: ['Colfax Ave', 'Larimer St', 'S Pearl St', 'Downing St', 'Federal Blvd'],
  },
  {
    city: 'Seattle',
    area: '206',
    state: 'WA',
    county: 'King',
    zips: ['98102', '98103', '98107', '98112', '98122'],
    lat: 47.61,
    lng: -122.33,
    ppsf: 610,
    streets: ['Pike St', 'Aurora Ave N', 'NW Market St', 'E Madison St', 'Rainier Ave S'],
  },
  {
    city: 'Phoenix',
    area: '602',
    state: 'AZ',
    county: 'Maricopa',
    zips: ['85004', '85012', '85016', '85018', '85032'],
    lat: 33.45,
    lng: -112.07,
    ppsf: 300,
    streets: ['N Central Ave', 'E Camelback Rd', 'W Indian School Rd', 'N 7th St', 'E Thomas Rd'],
  },
];

const TYPES = ['single_family', 'single_family', 'single_family', 'condo', 'condo', 'townhouse', 'multi_family', 'land'] as const;
const FIRST = ['Alex', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Riley', 'Avery', 'Quinn', 'Harper', 'Rowan'];
const LAST = ['Nguyen', 'Patel', 'Garcia', 'Kim', 'Okafor', 'Rossi', 'Schmidt', 'Haddad', 'Silva', 'Brooks'];
const FEATURES = ['pool', 'garage', 'view', 'fireplace', 'yard', 'basement', 'new construction', 'single story'];

export type SampleRow = {
  id: string;
  street: string;
  city: string;
  state: string;
  zip: string;
  county: string;
  price: number;
  beds: number;
  baths: number;
  sqft: number;
  lot_sqft: number | null;
  year_built: number;
  property_type: string;
  status: string;
  lat: number;
  lng: number;
  features: string;
  agent_name: string;
  agent_phone: string;
  office: string;
  listed_at: string;
  close_price: number | null;
  closed_at: string | null;
};

export const SAMPLE_SIZE = 720;
const sampleId = (i: number) => `SAMPLE-${String(10001 + i)}`;
export const LAST_SAMPLE_ID = sampleId(SAMPLE_SIZE - 1);

/** The sample listings: about 120 per metro, a third of them recent sales (for comps). */
export function sampleListings(): SampleRow[] {
  const rand = seededRandom(20261122);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const rows: SampleRow[] = [];
  for (let i = 0; i < SAMPLE_SIZE; i++) {
    const metro = METROS[i % METROS.length] as Metro;
    const type = pick(TYPES);
    const beds = type === 'land' ? 0 : type === 'condo' ? 1 + Math.floor(rand() * 3) : 2 + Math.floor(rand() * 4);
    const baths = type === 'land' ? 0 : Math.max(1, beds - 1 + (rand() < 0.5 ? 0.5 : 1));
    const sqft = type === 'land' ? 0 : Math.round((450 + beds * 380 + rand() * 700) / 10) * 10;
    const lot =
      type === 'condo' ? null : Math.round((type === 'land' ? 20000 + rand() * 200000 : 3000 + rand() * 9000) / 10) * 10;
    const price =
      type === 'land'
        ? Math.round(((lot ?? 0) * (4 + rand() * 10)) / 1000) * 1000
        : Math.round((sqft * metro.ppsf * (0.6 + rand() * 0.8)) / 1000) * 1000;
    const sold = rand() < 0.33;
    const day = 1 + Math.floor(rand() * 27);
    // Listed January to September 2026 and sold a month later: every date is in the past.
    const month = 1 + Math.floor(rand() * 9);
    const listedAt = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const feature = Array.from({ length: Math.floor(rand() * 3) }, () => pick(FEATURES));
    const agent = `${pick(FIRST)} ${pick(LAST)}`;
    rows.push({
      id: sampleId(i),
      street: `${100 + Math.floor(rand() * 9800)} ${pick(metro.streets)}${type === 'condo' ? ` Unit ${1 + Math.floor(rand() * 30)}${pick(['A', 'B', 'C'])}` : ''}`,
      city: metro.city,
      state: metro.state,
      zip: pick(metro.zips),
      county: metro.county,
      price,
      beds,
      baths,
      sqft,
      lot_sqft: lot,
      year_built: 1925 + Math.floor(rand() * 100),
      property_type: type,
      status: sold ? 'Closed' : rand() < 0.15 ? 'Pending' : 'Active',
      lat: Number((metro.lat + (rand() - 0.5) * 0.12).toFixed(5)),
      lng: Number((metro.lng + (rand() - 0.5) * 0.12).toFixed(5)),
      features: [...new Set(feature)].join(','),
      agent_name: agent,
      agent_phone: `(${metro.area}) 555-01${String(Math.floor(rand() * 100)).padStart(2, '0')}`,
      office: `${metro.city} Sample Realty`,
      listed_at: listedAt,
      close_price: sold ? Math.round((price * (0.94 + rand() * 0.1)) / 1000) * 1000 : null,
      closed_at: sold ? `2026-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}` : null,
    });
  }
  return rows;
}
