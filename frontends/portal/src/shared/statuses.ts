import type {
  EquipmentCategory,
  PortalInvoiceStatus,
  PortalQuoteStatus,
  PortalRequestStatus,
  PortalVisitKind,
  PortalVisitStatus,
} from '../gql/graphql';

/** A status as a badge: its colour (Relais's theme colours, readable on white) and its i18n key. */
export interface StatusBadge {
  color: 'gray' | 'blue' | 'green' | 'orange' | 'red' | 'teal' | 'violet';
  label: string;
}

const badge = (color: StatusBadge['color'], label: string): StatusBadge => ({ color, label });

/** What a customer makes of a quote: one awaiting their decision stands out. */
export const quoteStatusBadge = (status: PortalQuoteStatus): StatusBadge =>
  ({
    SENT: badge('orange', 'quoteStatus.SENT'),
    ACCEPTED: badge('green', 'quoteStatus.ACCEPTED'),
    REFUSED: badge('red', 'quoteStatus.REFUSED'),
    EXPIRED: badge('gray', 'quoteStatus.EXPIRED'),
    INVOICED: badge('teal', 'quoteStatus.INVOICED'),
  })[status];

export const invoiceStatusBadge = (status: PortalInvoiceStatus): StatusBadge =>
  ({
    TO_PAY: badge('orange', 'invoiceStatus.TO_PAY'),
    PARTIALLY_PAID: badge('orange', 'invoiceStatus.PARTIALLY_PAID'),
    OVERDUE: badge('red', 'invoiceStatus.OVERDUE'),
    PAID: badge('green', 'invoiceStatus.PAID'),
    CREDITED: badge('gray', 'invoiceStatus.CREDITED'),
    REFUND_DUE: badge('violet', 'invoiceStatus.REFUND_DUE'),
    SETTLED: badge('green', 'invoiceStatus.SETTLED'),
  })[status];

export const requestStatusBadge = (status: PortalRequestStatus): StatusBadge =>
  ({
    RECEIVED: badge('orange', 'requestStatus.RECEIVED'),
    SCHEDULED: badge('blue', 'requestStatus.SCHEDULED'),
    IN_PROGRESS: badge('violet', 'requestStatus.IN_PROGRESS'),
    DONE: badge('green', 'requestStatus.DONE'),
    CANCELLED: badge('gray', 'requestStatus.CANCELLED'),
  })[status];

export const visitStatusBadge = (status: PortalVisitStatus): StatusBadge =>
  ({
    PLANNED: badge('blue', 'visitStatus.PLANNED'),
    IN_PROGRESS: badge('violet', 'visitStatus.IN_PROGRESS'),
    DONE: badge('green', 'visitStatus.DONE'),
    CANCELLED: badge('gray', 'visitStatus.CANCELLED'),
  })[status];

export const equipmentCategoryLabel = (category: EquipmentCategory): string => `equipmentCategory.${category}`;

export const visitKindLabel = (kind: PortalVisitKind): string => `visitKind.${kind}`;

/** The payment methods the finance context knows; another value is shown as it comes. */
const paymentMethods = new Set(['TRANSFER', 'CHECK', 'CARD', 'CASH', 'DIRECT_DEBIT']);
export const paymentMethodLabel = (method: string): string | null => (paymentMethods.has(method) ? `paymentMethod.${method}` : null);
