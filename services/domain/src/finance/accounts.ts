/**
 * The customer's auxiliary account (compte auxiliaire) under 411 "Clients": the FEC's CompAuxNum.
 * Derived from the customer code so it never needs a second input.
 */
export function customerAuxiliaryAccount(customerCode: string): string {
  return `411${customerCode.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;
}
