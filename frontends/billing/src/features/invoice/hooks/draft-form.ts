import type {
  AllowanceChargeInput,
  InvoiceDetailFragment,
  InvoiceLineInput,
  InvoiceLineKind,
  LabourType,
  InvoiceTotalsPreviewInput,
  OperationCategory,
  UpdateInvoiceDraftInput,
} from '../../../gql/graphql';
import { apiDecimal, editableDecimal } from '@relais/ui';

/** A line as typed in the editor: decimals as the clerk writes them ("1,5"). */
export interface DraftLineValues {
  kind: InvoiceLineKind;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  discountPercent: string;
  vatRateCode: string;
  /** Why this price, shown under the line; computed by the server for converted lines. */
  reason: string | null;
  /** Kept as priced from an intervention, so an edited draft still says what it bills and why. */
  coveredByContract: boolean;
  labourType: LabourType | null;
  interventionId: string | null;
}

export interface AllowanceChargeValues {
  charge: boolean;
  reason: string;
  amount: string;
  vatRateCode: string;
}

export interface DraftFormValues {
  lines: DraftLineValues[];
  allowanceCharges: AllowanceChargeValues[];
  notes: string;
  purchaseOrderRef: string;
  operationCategory: OperationCategory;
  retentionPercent: string;
}

export const emptyLine = (vatRateCode: string): DraftLineValues => ({
  kind: 'OTHER',
  description: '',
  quantity: '1',
  unit: 'C62',
  unitPrice: '',
  discountPercent: '0',
  vatRateCode,
  reason: null,
  coveredByContract: false,
  labourType: null,
  interventionId: null,
});

export const newDraftValues = (vatRateCode: string): DraftFormValues => ({
  lines: [emptyLine(vatRateCode)],
  allowanceCharges: [],
  notes: '',
  purchaseOrderRef: '',
  operationCategory: 'SERVICES',
  retentionPercent: '0',
});

/** The saved draft as editor values. */
export function draftValuesOf(invoice: InvoiceDetailFragment): DraftFormValues {
  return {
    lines: invoice.lines.map((line) => ({
      kind: line.kind,
      description: line.description,
      quantity: editableDecimal(line.quantity),
      unit: line.unit,
      unitPrice: editableDecimal(line.unitPrice, 2),
      discountPercent: editableDecimal(line.discountPercent),
      vatRateCode: line.vatRateCode,
      reason: line.reason ?? null,
      coveredByContract: line.coveredByContract,
      labourType: line.labourType ?? null,
      interventionId: line.interventionId ?? null,
    })),
    allowanceCharges: invoice.allowanceCharges.map((row) => ({ ...row, amount: editableDecimal(row.amount, 2) })),
    notes: invoice.notes ?? '',
    purchaseOrderRef: invoice.purchaseOrderRef ?? '',
    operationCategory: invoice.operationCategory,
    retentionPercent: editableDecimal(invoice.retentionPercent),
  };
}

const linesInput = (values: DraftFormValues): InvoiceLineInput[] =>
  values.lines.map((line) => ({
    kind: line.kind,
    description: line.description,
    quantity: apiDecimal(line.quantity),
    unit: line.unit,
    unitPrice: apiDecimal(line.unitPrice),
    discountPercent: apiDecimal(line.discountPercent) || '0',
    vatRateCode: line.vatRateCode,
    reason: line.reason,
    coveredByContract: line.coveredByContract,
    labourType: line.labourType,
    interventionId: line.interventionId,
  }));

const allowanceChargesInput = (values: DraftFormValues): AllowanceChargeInput[] =>
  values.allowanceCharges.map((row) => ({ ...row, amount: apiDecimal(row.amount) }));

export const previewInput = (values: DraftFormValues): InvoiceTotalsPreviewInput => ({
  lines: linesInput(values),
  allowanceCharges: allowanceChargesInput(values),
  retentionPercent: apiDecimal(values.retentionPercent) || '0',
});

/**
 * The whole draft for createInvoice / updateInvoiceDraft. Lines are sent only when edited: the
 * server then keeps the lines it priced (with their reasons) untouched.
 */
export function draftInput(values: DraftFormValues, linesEdited: boolean): UpdateInvoiceDraftInput {
  return {
    ...(linesEdited ? { lines: linesInput(values) } : {}),
    allowanceCharges: allowanceChargesInput(values),
    notes: values.notes,
    purchaseOrderRef: values.purchaseOrderRef,
    operationCategory: values.operationCategory,
    retentionPercent: apiDecimal(values.retentionPercent) || '0',
  };
}

const EDITABLE_LINE_FIELD = /^lines\.\d+\.(description|quantity|unitPrice|discountPercent)$/;

/** The input of the draft form the server's refused field names ("lines.0.quantity"), or null. */
export const draftFormPathOf = (
  formPath: string,
): `lines.${number}.${'description' | 'quantity' | 'unitPrice' | 'discountPercent'}` | null =>
  EDITABLE_LINE_FIELD.test(formPath)
    ? (formPath as `lines.${number}.${'description' | 'quantity' | 'unitPrice' | 'discountPercent'}`)
    : null;
