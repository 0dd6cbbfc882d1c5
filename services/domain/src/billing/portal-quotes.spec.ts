import { describe, expect, it } from 'vitest';
import { portalQuoteStatus } from './portal-quotes';

const TODAY = '2026-11-23';

describe('portal status of a quote', () => {
  it('hides drafts (a revision being prepared too) and withdrawn quotes', () => {
    expect(portalQuoteStatus({ status: 'DRAFT', validUntil: '2026-12-31' }, false, TODAY)).toBeNull();
    expect(portalQuoteStatus({ status: 'CANCELLED', validUntil: '2026-12-31' }, false, TODAY)).toBeNull();
  });

  it('is sent until its validity passes, then expired (from the day after)', () => {
    expect(portalQuoteStatus({ status: 'SENT', validUntil: TODAY }, false, TODAY)).toBe('SENT');
    expect(portalQuoteStatus({ status: 'SENT', validUntil: '2026-11-22' }, false, TODAY)).toBe('EXPIRED');
  });

  it('keeps the decision, and tells an accepted quote invoiced once an invoice was issued from it', () => {
    expect(portalQuoteStatus({ status: 'REFUSED', validUntil: '2026-11-01' }, false, TODAY)).toBe('REFUSED');
    expect(portalQuoteStatus({ status: 'ACCEPTED', validUntil: '2026-11-01' }, false, TODAY)).toBe('ACCEPTED');
    expect(portalQuoteStatus({ status: 'ACCEPTED', validUntil: '2026-11-01' }, true, TODAY)).toBe('INVOICED');
  });
});
