const compact = (iban: string) => iban.replace(/\s+/g, '').toUpperCase();

/** An IBAN as printed on a RIB: groups of four (FR76 3000 6000 0112 3456 7890 189). */
export const formatIban = (iban: string): string => compact(iban).replace(/(.{4})(?=.)/g, '$1 ');

/** A debtor's IBAN in a list, masked but its country and last four characters (FR •••• 0189). */
export const maskIban = (iban: string): string => {
  const value = compact(iban);
  return `${value.slice(0, 2)} •••• ${value.slice(-4)}`;
};
