import { useEffect, useState } from 'react';
import { autocompleteAddress } from '../api/calls';

const DEBOUNCE_MS = 200;

/** Addresses from the MLS that start like `text`, once the agent pauses typing (3+ characters). */
export function useAddressSuggestions(text: string): string[] {
  const [addresses, setAddresses] = useState<string[]>([]);
  useEffect(() => {
    const q = text.trim();
    if (q.length < 3) return setAddresses([]);
    let live = true;
    const timer = setTimeout(() => {
      autocompleteAddress(q).then(
        (r) => live && setAddresses(r.addresses.filter((a) => a !== q)),
        // Suggestions are a help, not a need: without the MLS the field still takes any address.
        () => live && setAddresses([]),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);
  return addresses;
}
