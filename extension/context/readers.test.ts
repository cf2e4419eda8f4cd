import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageContext } from '../../shared/contracts';
import { read, readOwnPage } from './test-support';

const listingOf = (context: PageContext) => {
  expect(PageContext.parse(context)).toEqual(context);
  expect(context.kind).toBe('listing');
  return context.listing;
};

describe('site readers on pages shaped like the real ones', () => {
  it('Zillow: __NEXT_DATA__ → gdpClientCache', () => {
    const page = readOwnPage('https://www.zillow.com/homedetails/1200-Barton-Hills-Dr-Austin-TX-78704/29384756_zpid/');
    expect(page.site).toBe('zillow');
    expect(listingOf(page)).toMatchObject({
      address: '1200 Barton Hills Dr, Austin, TX 78704',
      street: '1200 Barton Hills Dr',
      city: 'Austin',
      state: 'TX',
      zip: '78704',
      price: 489000,
      beds: 3,
      baths: 2,
      sqft: 1850,
      mlsId: '5512345',
      status: 'For sale',
      propertyType: 'single_family',
      lat: 30.2531,
      lng: -97.7796,
      listingAgent: { name: 'Maria Alvarez', phone: '512-555-0110', office: 'Hill Country Realty' },
    });
  });

  it('Zillow without scripts: the data-testid hooks, and "—" is unknown rather than zero', () => {
    const listing = listingOf(
      readOwnPage('https://www.zillow.com/homedetails/77-Rainey-St-APT-1402-Austin-TX-78701/2089564411_zpid/'),
    );
    expect(listing).toMatchObject({
      street: '77 Rainey St APT 1402',
      city: 'Austin',
      price: 899000,
      beds: 2,
      sqft: 1312,
      mlsId: '7712093',
      status: 'Active',
      listingAgent: { name: 'Luis Ortega', office: 'Skyline Towers Realty' },
      photos: ['https://photos.zillowstatic.com/fp/rainey-1402-cc_ft_960.jpg'],
    });
    expect(listing?.baths).toBeUndefined();
  });

  it('Trulia: the residence schema, with half baths counted as halves', () => {
    const listing = listingOf(readOwnPage('https://www.trulia.com/home/4512-avenue-f-austin-tx-78751-29145812/'));
    expect(listing).toMatchObject({ street: '4512 Avenue F', zip: '78751', price: 625000, beds: 3, baths: 2.5, sqft: 1920 });
  });

  it('Redfin: abp-* hooks, the source MLS number, the agent and the map centre', () => {
    const listing = listingOf(readOwnPage('https://www.redfin.com/TX/Austin/901-W-9th-St-78703/unit-304/home/48120021'));
    expect(listing).toMatchObject({
      address: '901 W 9th St #304, Austin, TX 78703',
      price: 545000,
      beds: 2,
      baths: 2,
      sqft: 1104,
      mlsId: '4418820',
      status: 'Active',
      lat: 30.2741,
      lng: -97.7521,
      listingAgent: { name: 'Priya Natarajan', office: 'Lone Star Urban Realty' },
    });
  });

  it('any page with schema.org JSON-LD: a RealEstateListing about a House, the state written out', () => {
    const page = readOwnPage('https://www.flexmls.com/share/7Bq2x/');
    expect(page.site).toBe('generic');
    expect(listingOf(page)).toMatchObject({
      street: '2207 Lakeview Ct',
      state: 'TX',
      price: 412500,
      beds: 4,
      baths: 3,
      sqft: 2340,
    });
  });

  it('Wise Agent: the contact id from the address, the contact from the page, not the help address', () => {
    const page = readOwnPage('https://thewiseagent.com/secure/client/SUMMARY.asp?ClientID=48213');
    expect(PageContext.parse(page)).toMatchObject({
      kind: 'contact',
      site: 'wiseagent',
      contact: { id: '48213', name: 'Dana Whitfield', email: 'dana.whitfield@example.com', phone: '+15125550177' },
    });
  });

  it('a news article about housing is nothing', () => {
    expect(readOwnPage('https://news.dailyledger.test/2026/11/20/mortgage-rates.html').kind).toBe('none');
  });
});

describe('search pages give every home they carry', () => {
  it('Zillow: the list (20 cards) and the map (42 pins) are 42 homes, each once, with their facts', () => {
    const page = readOwnPage('https://www.zillow.com/austin-tx/');
    expect(PageContext.parse(page)).toEqual(page);
    expect(page.kind).toBe('search');
    const listings = page.listings ?? [];
    expect(listings).toHaveLength(42);
    expect(new Set(listings.map((l) => l.address)).size).toBe(42);
    for (const l of listings) {
      expect(l).toMatchObject({
        state: 'TX',
        zip: expect.stringMatching(/^78\d{3}$/),
        status: expect.stringMatching(/^(For sale|Pending)$/),
      });
      for (const fact of ['price', 'beds', 'baths', 'sqft', 'lat'] as const) expect(l[fact]).toBeTypeOf('number');
    }
    // Only on the map: its address and facts come from hdpData.homeInfo.
    expect(listings[41]).toMatchObject({
      address: '5957 W 6th St Unit 22A, Austin, TX 78704',
      price: 389000,
      beds: 2,
      baths: 1.5,
      sqft: 1750,
      propertyType: 'condo',
    });
  });

  // The team's saved real pages, read in place; every home with an address, counted by hand in their data.
  const saved = join(import.meta.dirname, '../../../shared/fixtures/listings/search');
  it.skipIf(!existsSync(saved)).each([
    ['zillow-search-2025-brunswick-me-rentals.html', 'https://www.zillow.com/brunswick-me-04011/rentals/', 31],
    ['realtor-search-2020-san-francisco.html', 'https://www.realtor.com/realestateandhomes-search/San-Francisco_CA', 43],
    ['redfin-search-2025-zip-10003.html', 'https://www.redfin.com/zipcode/10003', 41],
  ])('saved page %s: all %i homes', (file, url, count) => {
    const page = read(readFileSync(join(saved, file), 'utf8'), url);
    expect(page.kind).toBe('search');
    expect(page.listings).toHaveLength(count);
  });

  it('Trulia: every home of __NEXT_DATA__ searchData, facts as numbers or formatted values, a sale not shown as a list price', () => {
    const home = (n: number, over: object = {}) => ({
      location: {
        streetAddress: `${n} Avenue F`,
        city: 'Austin',
        stateCode: 'TX',
        zipCode: '78751',
        fullLocation: `${n} Avenue F, Austin, TX 78751`,
      },
      price: { formattedPrice: `$${400 + (n % 100)},000` },
      bedrooms: { formattedValue: '3bd' },
      bathrooms: { formattedValue: '2.5ba' },
      floorSpace: { formattedDimension: '1,920 sqft' },
      propertyType: { value: 'SINGLE_FAMILY_HOME' },
      currentStatus: { isActiveForSale: true },
      media: { heroImage: { url: { small: `https://www.trulia.com/pictures/thumbs/${n}.jpg` } } },
      ...over,
    });
    const homes = [
      ...Array.from({ length: 39 }, (_, i) => home(4500 + i)),
      home(99, { currentStatus: { isRecentlySold: true } }),
    ];
    const html = `<html><body><script id="__NEXT_DATA__" type="application/json">${JSON.stringify({ props: { searchData: { homes } } })}</script></body></html>`;
    const page = read(html, 'https://www.trulia.com/TX/Austin/');
    expect(PageContext.parse(page)).toEqual(page);
    expect(page.listings).toHaveLength(40);
    expect(page.listings?.[0]).toMatchObject({
      address: '4500 Avenue F, Austin, TX 78751',
      price: 400000,
      beds: 3,
      baths: 2.5,
      sqft: 1920,
      status: 'For sale',
      propertyType: 'single_family',
      photos: ['https://www.trulia.com/pictures/thumbs/4500.jpg'],
    });
    expect(page.listings?.[39]).toMatchObject({ street: '99 Avenue F', status: 'Sold' });
    expect(page.listings?.[39]?.price).toBeUndefined();
  });

  it('a home whose address the page withholds is left out, the rest are all kept', () => {
    const result = (street: string, n: number) => ({
      zpid: String(n),
      addressStreet: street,
      addressCity: 'Brunswick',
      addressState: 'ME',
      addressZipcode: '04011',
      unformattedPrice: 1500 + n,
    });
    const next = {
      props: {
        pageProps: {
          searchPageState: {
            cat1: { searchResults: { listResults: [result('1 Main St', 1), result('(undisclosed Address)', 2)] } },
            cat2: { searchResults: { listResults: [result('2 Main St', 3)], mapResults: [result('1 Main St', 1)] } },
          },
        },
      },
    };
    const html = `<html><body><script id="__NEXT_DATA__" type="application/json">${JSON.stringify(next)}</script></body></html>`;
    const page = read(html, 'https://www.zillow.com/brunswick-me-04011/rentals/');
    expect(page.listings?.map((l) => l.street)).toEqual(['1 Main St', '2 Main St']);
  });
});

describe('traps seen on real pages', () => {
  const page = (body: string, head = '') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

  it('never throws on broken JSON: a partial or empty context instead', () => {
    const html = page('<h1>nothing</h1><script id="__NEXT_DATA__" type="application/json">{"props": {</script>');
    expect(read(html, 'https://www.zillow.com/homedetails/x/1_zpid/')).toEqual({
      kind: 'none',
      url: 'https://www.zillow.com/homedetails/x/1_zpid/',
      site: 'zillow',
    });
    expect(read('<<<>>>', 'https://www.realtor.com/').kind).toBe('none');
  });

  it('a list price is kept on a listing, but an old sale on a public-record page is not one', () => {
    const ld = JSON.stringify({
      '@type': 'SingleFamilyResidence',
      address: { streetAddress: '9 Elm St', addressLocality: 'Reno', addressRegion: 'NV', postalCode: '89501-2233' },
      numberOfRooms: 3,
      floorSize: { value: 1400 },
      offers: { price: 410000 },
    });
    const html = page(
      '<script type="application/ld+json">{"@type":"x"}</script>',
      `<script type="application/ld+json">${ld}</script>`,
    );
    expect(read(html, 'https://broker.example/homes/9-elm')).toMatchObject({
      kind: 'listing',
      listing: { price: 410000, zip: '89501' },
    });
    const trulia = page(
      `<script>trulia.propertyData.set({"streetNumber":"9","street":"Elm St","city":"Reno","stateCode":"NV","zipCode":"89501","status":"Assessor","price":1360000,"sqft":1400,"numBathrooms":2,"numFullBathrooms":2,"numPartialBathrooms":0,"latitude":39.5,"longitude":-119.8});</script>`,
    );
    const assessor = read(trulia, 'https://www.trulia.com/homes/Nevada/Reno/sold/1-9-Elm-St-Reno-NV-89501');
    expect(assessor.listing).toMatchObject({ street: '9 Elm St', status: 'Assessor', sqft: 1400 });
    expect(assessor.listing?.price).toBeUndefined();
  });

  it('nearby-home blocks are not the subject: a detail page reads its own header', () => {
    const nearby = (n: number) =>
      `<div itemscope itemtype="http://schema.org/SingleFamilyResidence"><span itemprop="address" itemscope itemtype="http://schema.org/PostalAddress"><span itemprop="streetAddress">${n} Side St</span><span itemprop="addressLocality">Hoboken</span><span itemprop="addressRegion">NJ</span><span itemprop="postalCode">07030</span></span></div>`;
    const html = page(
      `<header class="zsg-content-header addr"><h1 class="notranslate">450 7th St APT 1N, <span class="addr_city">Hoboken, NJ 07030</span></h1><h3><span class="addr_bbs">1 bed</span><span class="addr_bbs">1 bath</span><span class="addr_bbs">542 sqft</span></h3></header>
       <div class="status-icon-row for-sale-row">For Sale $379,000</div>${nearby(1)}${nearby(2)}${nearby(3)}`,
      '<title>450 7th St APT 1N, Hoboken, NJ 07030 | MLS #160012909 | Zillow</title>',
    );
    const listing = listingOf(read(html, 'https://www.zillow.com/homedetails/450-7th-St-APT-1N-Hoboken-NJ-07030/52962322_zpid/'));
    expect(listing).toMatchObject({ street: '450 7th St APT 1N', price: 379000, beds: 1, sqft: 542, mlsId: '160012909' });
  });

  it('a page of several schema.org homes is a search page, not a listing', () => {
    const home = (n: number) =>
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'House', address: { streetAddress: `${n} Oak Ave`, addressLocality: 'Mesa', addressRegion: 'AZ' }, offers: { price: 300000 + n } })}</script>`;
    const context = read(page(home(1) + home(2) + home(3)), 'https://broker.example/search');
    expect(context.kind).toBe('search');
    expect(context.listings).toHaveLength(3);
  });

  it('one address with no facts about the home is not claimed as a listing', () => {
    const ld = JSON.stringify({
      '@type': 'Residence',
      address: { streetAddress: '1 Main St', addressLocality: 'Boise', addressRegion: 'ID' },
    });
    expect(read(page(`<script type="application/ld+json">${ld}</script>`), 'https://example.com/about').kind).toBe('none');
  });

  it('microdata and listing Open Graph tags are read on any page', () => {
    const micro = page(
      `<div itemscope itemtype="https://schema.org/Apartment"><div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress"><span itemprop="streetAddress">12 Pine St #4</span>, <span itemprop="addressLocality">Denver</span>, <span itemprop="addressRegion">CO</span> <span itemprop="postalCode">80202</span></div><meta itemprop="numberOfRooms" content="2"><div itemprop="floorSize" itemscope itemtype="https://schema.org/QuantitativeValue"><meta itemprop="value" content="900"></div></div>`,
    );
    expect(read(micro, 'https://denverlofts.example/units/4').listing).toMatchObject({
      street: '12 Pine St #4',
      beds: 2,
      sqft: 900,
      propertyType: 'condo',
    });
    const og = page(
      '',
      '<meta property="og:type" content="realestate.listing"><meta property="og:street-address" content="3 Bay Rd"><meta property="og:locality" content="Seattle"><meta property="og:region" content="WA"><meta property="product:price:amount" content="750000"><meta property="place:location:latitude" content="47.6"><meta property="place:location:longitude" content="-122.3">',
    );
    expect(read(og, 'https://homes.example/3-bay-rd').listing).toMatchObject({
      street: '3 Bay Rd',
      city: 'Seattle',
      price: 750000,
      lat: 47.6,
    });
  });

  it('Realtor.com: the property details in __NEXT_DATA__, baths from full and half', () => {
    const home = {
      list_price: 1250000,
      status: 'for_sale',
      description: {
        beds: 4,
        baths: 3,
        baths_full: 2,
        baths_half: 1,
        sqft: 2600,
        lot_sqft: 6000,
        year_built: 1998,
        type: 'single_family',
      },
      location: {
        address: {
          line: '55 Cedar Ln',
          city: 'Phoenix',
          state_code: 'AZ',
          postal_code: '85018',
          coordinate: { lat: 33.5, lon: -112 },
        },
      },
      source: { listing_id: '6654321', agents: [{ agent_name: 'Rosa Diaz', office_name: 'Desert Realty' }] },
      photos: [{ href: 'https://ap.rdcpix.com/cedar-1.jpg' }],
    };
    const html = page(
      `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify({ props: { pageProps: { initialReduxState: { propertyDetails: home } } } })}</script>`,
    );
    const listing = listingOf(
      read(html, 'https://www.realtor.com/realestateandhomes-detail/55-Cedar-Ln_Phoenix_AZ_85018_M12345-67890'),
    );
    expect(listing).toMatchObject({
      price: 1250000,
      baths: 2.5,
      mlsId: '6654321',
      listingAgent: { name: 'Rosa Diaz', office: 'Desert Realty' },
    });
  });

  it('Homes.com: Open Graph "Listed for sale at" and MLS#', () => {
    const html = page(
      '<h1>8 Palm Way, Miami, FL 33131</h1><div class="property-info-features">3 Beds 2 Baths 1,600 Sq Ft</div>',
      '<meta property="og:title" content="8 Palm Way, Miami, FL 33131 | Homes.com"><meta property="og:description" content="Listed for sale at $980,000. MLS# A11223344.">',
    );
    expect(read(html, 'https://www.homes.com/property/8-palm-way-miami-fl/abc/').listing).toMatchObject({
      price: 980000,
      beds: 3,
      baths: 2,
      sqft: 1600,
      mlsId: 'A11223344',
    });
  });

  it('MLS portal reports: label and value cells', () => {
    const html = page(
      '<table><tr><td>Address:</td><td>400 Congress Ave #2101, Austin, TX 78701</td></tr><tr><td>List Price:</td><td>$1,150,000</td></tr><tr><td>Beds:</td><td>2</td></tr><tr><td>Baths:</td><td>2.1</td></tr><tr><td>Approx SqFt:</td><td>1,480</td></tr><tr><td>MLS #:</td><td>5566778</td></tr><tr><td>Status:</td><td>Active</td></tr></table>',
    );
    expect(read(html, 'https://austin.mlsmatrix.com/Matrix/Public/Portal.aspx?ID=1').listing).toMatchObject({
      street: '400 Congress Ave #2101',
      price: 1150000,
      beds: 2,
      sqft: 1480,
      mlsId: '5566778',
    });
  });

  it('Wise Agent pages without a contact id, and other pages with a mail link, are not contacts', () => {
    const html = page('<h1>Dashboard</h1><a href="mailto:jo@example.com">jo</a>');
    expect(read(html, 'https://thewiseagent.com/secure/dashboard.asp').kind).toBe('none');
    expect(read(html, 'https://blog.example/post/1').kind).toBe('none');
    expect(read(html, 'https://thewiseagent.com/secure/client/summary?clientId=77')).toMatchObject({
      kind: 'contact',
      contact: { id: '77', email: 'jo@example.com' },
    });
  });

  it('other CRMs: a person record with a way to reach them', () => {
    const html = page('<main><h1>Sam Patel</h1><a href="tel:737-555-0101">call</a></main>');
    expect(read(html, 'https://app.followupboss.com/2/people/view/4411')).toMatchObject({
      kind: 'contact',
      site: 'crm',
      contact: { id: '4411', name: 'Sam Patel', phone: '737-555-0101' },
    });
  });
});
