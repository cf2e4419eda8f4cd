import { Consent, type CrmContact } from '../../shared/contracts';

/** A contact as the local CRM's `contacts` table holds it. */
export type Row = {
  id: number;
  first_name: string;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  source: string | null;
  consent: string | null;
};

function consentOf(json: string | null): Consent | undefined {
  if (!json) return undefined;
  const parsed = Consent.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : undefined;
}

export const toContact = (r: Row): CrmContact => ({
  id: String(r.id),
  firstName: r.first_name,
  ...(r.last_name && { lastName: r.last_name }),
  ...(r.email && { email: r.email }),
  ...(r.phone && { phone: r.phone }),
  ...(r.source && { source: r.source }),
  ...(r.consent && { consent: consentOf(r.consent) }),
});

export const COLUMNS = 'id, first_name, last_name, email, phone, source, consent';
