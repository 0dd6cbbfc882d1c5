/** A tel: link a phone dials: digits and a leading +, the spaces and dots of "01 23 45 67 89" dropped. */
export function telHref(phone: string): string {
  const trimmed = phone.trim();
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
}

/** The site's address in OpenStreetMap (the phone offers its maps app), searched by its postal address. */
export function mapHref(address: { line1: string; postalCode: string; city: string; country?: string | null }): string {
  const query = [address.line1, `${address.postalCode} ${address.city}`, address.country === 'FR' ? 'France' : address.country]
    .filter(Boolean)
    .join(', ');
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}
