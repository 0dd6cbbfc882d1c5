import { describe, expect, it } from 'vitest';
import { fr } from '../i18n/fr';
import {
  equipmentCategoryLabel,
  invoiceStatusBadge,
  paymentMethodLabel,
  quoteStatusBadge,
  requestStatusBadge,
  visitKindLabel,
  visitStatusBadge,
} from './statuses';

/** The French label behind an i18n key ("quoteStatus.SENT"). */
const french = (key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], fr);

describe('status labels', () => {
  it('names every status in French', () => {
    expect(french(quoteStatusBadge('SENT').label)).toBe('À décider');
    expect(french(invoiceStatusBadge('OVERDUE').label)).toBe('En retard');
    expect(french(invoiceStatusBadge('REFUND_DUE').label)).toBe('À rembourser');
    expect(french(requestStatusBadge('RECEIVED').label)).toBe('Reçue');
    expect(french(visitStatusBadge('DONE').label)).toBe('Réalisée');
    expect(french(visitKindLabel('PREVENTIVE'))).toBe('Visite préventive');
    expect(french(equipmentCategoryLabel('HEAT_PUMP'))).toBe('Pompe à chaleur');
    for (const status of ['TO_PAY', 'PARTIALLY_PAID', 'OVERDUE', 'PAID', 'CREDITED', 'REFUND_DUE', 'SETTLED'] as const)
      expect(typeof french(invoiceStatusBadge(status).label)).toBe('string');
  });

  it('makes what waits for the customer stand out', () => {
    expect(quoteStatusBadge('SENT').color).toBe('orange');
    expect(invoiceStatusBadge('OVERDUE').color).toBe('red');
    expect(invoiceStatusBadge('PAID').color).toBe('green');
  });

  it('names known payment methods and leaves others as they come', () => {
    expect(french(paymentMethodLabel('TRANSFER')!)).toBe('Virement');
    expect(paymentMethodLabel('BARTER')).toBeNull();
  });
});
