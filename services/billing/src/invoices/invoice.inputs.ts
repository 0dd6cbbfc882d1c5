import { Field, ID, InputType } from 'type-graphql';
import { DecimalScalar } from '@relais/subgraph-kit';
import {
  Errors,
  definedOnly,
  type DraftInvoiceInput,
  type DraftInvoicePatch,
  type DraftLineInput,
  type StoredAllowanceCharge,
} from '@relais/domain';
import { DocumentTypeEnum, InvoiceLineKindEnum, LabourTypeEnum, OperationCategoryEnum, typeCodeOf } from './invoice.enums';

@InputType()
export class InvoiceLineInput {
  @Field(() => InvoiceLineKindEnum, { nullable: true, defaultValue: InvoiceLineKindEnum.OTHER }) kind!: InvoiceLineKindEnum;
  @Field(() => String) description!: string;
  @Field(() => DecimalScalar) quantity!: string;
  @Field(() => String, { description: 'UN/ECE code: HUR (hour), C62 (piece), KGM, MTR...' }) unit!: string;
  @Field(() => DecimalScalar, { description: 'Excluding VAT, up to 4 decimals.' }) unitPrice!: string;
  @Field(() => DecimalScalar, { nullable: true }) discountPercent?: string | null;
  @Field(() => String, { description: 'A VAT rate code of the tenant (see vatRates).' }) vatRateCode!: string;
  @Field(() => ID, { nullable: true, description: 'Kept when editing lines that came from an intervention.' })
  interventionId?: string | null;
  @Field(() => String, { nullable: true, description: 'Why this price; kept when editing priced lines.' }) reason?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Included in the maintenance contract.' }) coveredByContract?: boolean | null;
  @Field(() => LabourTypeEnum, { nullable: true }) labourType?: LabourTypeEnum | null;
}

@InputType()
export class AllowanceChargeInput {
  @Field(() => Boolean) charge!: boolean;
  @Field(() => String) reason!: string;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => String) vatRateCode!: string;
}

@InputType()
export class CreateInvoiceInput {
  @Field(() => ID) customerId!: string;
  @Field(() => DocumentTypeEnum, { nullable: true, defaultValue: DocumentTypeEnum.INVOICE, description: 'INVOICE or DEPOSIT_INVOICE.' })
  documentType!: DocumentTypeEnum;
  @Field(() => [InvoiceLineInput]) lines!: InvoiceLineInput[];
  @Field(() => [AllowanceChargeInput], { nullable: true }) allowanceCharges?: AllowanceChargeInput[] | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => String, { nullable: true }) purchaseOrderRef?: string | null;
  @Field(() => OperationCategoryEnum, { nullable: true }) operationCategory?: OperationCategoryEnum | null;
  @Field(() => DecimalScalar, { nullable: true }) retentionPercent?: string | null;
}

@InputType({ description: 'Only the fields given change; `lines` replaces all lines.' })
export class UpdateInvoiceDraftInput {
  @Field(() => ID, { nullable: true }) customerId?: string | null;
  @Field(() => [InvoiceLineInput], { nullable: true }) lines?: InvoiceLineInput[] | null;
  @Field(() => [AllowanceChargeInput], { nullable: true }) allowanceCharges?: AllowanceChargeInput[] | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => String, { nullable: true }) purchaseOrderRef?: string | null;
  @Field(() => OperationCategoryEnum, { nullable: true }) operationCategory?: OperationCategoryEnum | null;
  @Field(() => DecimalScalar, { nullable: true }) retentionPercent?: string | null;
}

@InputType({ description: 'Lines and allowances of a draft being typed: totals computed without saving.' })
export class InvoiceTotalsPreviewInput {
  @Field(() => [InvoiceLineInput]) lines!: InvoiceLineInput[];
  @Field(() => [AllowanceChargeInput], { nullable: true }) allowanceCharges?: AllowanceChargeInput[] | null;
  @Field(() => DecimalScalar, { nullable: true }) prepaidAmount?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) retentionPercent?: string | null;
}

@InputType()
export class CreditNoteLineInput {
  @Field(() => ID) invoiceLineId!: string;
  @Field(() => DecimalScalar) quantity!: string;
}

@InputType()
export class CreditNoteInput {
  @Field(() => String) reason!: string;
  @Field(() => [CreditNoteLineInput], { nullable: true, description: 'Omitted: the whole invoice is credited.' })
  lines?: CreditNoteLineInput[] | null;
}

export const toDraftLines = (lines: InvoiceLineInput[]): DraftLineInput[] =>
  lines.map((l) => ({
    ...l,
    discountPercent: l.discountPercent ?? '0',
    interventionId: l.interventionId ?? null,
    reason: l.reason ?? null,
    coveredByContract: l.coveredByContract ?? false,
    labourType: l.labourType ?? null,
  }));

const toAllowances = (items: AllowanceChargeInput[]): StoredAllowanceCharge[] => items.map((a) => ({ ...a }));

export function toDraftInput(input: CreateInvoiceInput): DraftInvoiceInput {
  const typeCode = typeCodeOf(input.documentType);
  if (typeCode === '381')
    throw Errors.validation([{ field: 'documentType', message: 'un avoir se crée depuis sa facture (createCreditNote)' }]);
  return {
    customerId: input.customerId,
    typeCode,
    lines: toDraftLines(input.lines),
    allowanceCharges: toAllowances(input.allowanceCharges ?? []),
    notes: input.notes ?? null,
    purchaseOrderRef: input.purchaseOrderRef ?? null,
    operationCategory: input.operationCategory ?? undefined,
    retentionPercent: input.retentionPercent ?? undefined,
  };
}

export function toDraftPatch(input: UpdateInvoiceDraftInput): DraftInvoicePatch {
  return definedOnly({
    customerId: input.customerId ?? undefined,
    lines: input.lines ? toDraftLines(input.lines) : undefined,
    allowanceCharges: input.allowanceCharges ? toAllowances(input.allowanceCharges) : undefined,
    notes: input.notes,
    purchaseOrderRef: input.purchaseOrderRef,
    operationCategory: input.operationCategory ?? undefined,
    retentionPercent: input.retentionPercent ?? undefined,
  });
}
