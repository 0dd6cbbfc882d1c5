import { Money, MONEY_ROUNDING } from '../money';

/** French print formats for documents; a no-break space groups thousands so amounts never wrap. */
const NBSP = '\u00a0';

function groupThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** "1234.5" -> "1 234,50" (2 decimals, or `decimals`). */
export function formatAmount(value: string, decimals = 2): string {
  const fixed = new Money(value).toFixed(decimals, MONEY_ROUNDING);
  const negative = fixed.startsWith('-');
  const [integer, fraction] = (negative ? fixed.slice(1) : fixed).split('.');
  return `${negative ? '-' : ''}${groupThousands(integer!)}${fraction ? `,${fraction}` : ''}`;
}

/** "1234.5" -> "1 234,50 €". */
export function formatEuro(value: string): string {
  return `${formatAmount(value)}${NBSP}€`;
}

/** A unit price keeps up to 4 significant decimals but at least 2: "12.5" -> "12,50", "0.12345" -> "0,1235". */
export function formatUnitPrice(value: string): string {
  const d = new Money(value);
  const decimals = Math.min(Math.max(d.decimalPlaces(), 2), 4);
  return formatAmount(value, decimals);
}

/** "2.5000" -> "2,5"; "3" -> "3". */
export function formatQuantity(value: string): string {
  const d = new Money(value);
  return formatAmount(d.toString(), Math.min(d.decimalPlaces(), 4));
}

/** "20.00" -> "20 %", "5.50" -> "5,5 %". */
export function formatRate(value: string): string {
  return `${new Money(value).toString().replace('.', ',')}${NBSP}%`;
}

/** "123456789" -> "123 456 789"; a SIRET keeps its NIC apart: "123 456 789 00012". */
export function formatSiren(value: string): string {
  if (value.length === 14) return `${formatSiren(value.slice(0, 9))} ${value.slice(9)}`;
  return value.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
}

/** IBAN in groups of four, as printed on a RIB. */
export function formatIban(value: string): string {
  return value.replace(/(.{4})(?=.)/g, '$1 ');
}
