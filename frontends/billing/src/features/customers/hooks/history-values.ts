/** How a changed value reads in the history: which dictionary names it, or how to format it. */
export type HistoryValueKind = 'yesNo' | 'date' | 'paymentTermsKind' | 'equipmentCategory' | 'equipmentStatus' | 'decimal' | 'text';

const kindOfField: Record<string, HistoryValueKind> = {
  isConsumer: 'yesNo',
  isBillingContact: 'yesNo',
  isSiteContact: 'yesNo',
  isSignatory: 'yesNo',
  dwellingOverTwoYears: 'yesNo',
  reducedVatAttestedOn: 'date',
  installedOn: 'date',
  warrantyEndsOn: 'date',
  paymentTermsKind: 'paymentTermsKind',
  category: 'equipmentCategory',
  status: 'equipmentStatus',
  refrigerantChargeKg: 'decimal',
};

export const historyValueKind = (field: string): HistoryValueKind => kindOfField[field] ?? 'text';
