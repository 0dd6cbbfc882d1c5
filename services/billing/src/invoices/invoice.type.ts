import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { ConnectionType, DecimalScalar, LocalDateScalar } from '@relais/subgraph-kit';
import {
  canCreateCreditNote,
  invoiceDisplayStatus,
  localDate,
  openBalanceOf,
  type Invoice,
  type InvoiceLine,
  type InvoiceVatBreakdown,
  type StoredAllowanceCharge,
} from '@relais/domain';
import {
  DocumentTypeEnum,
  InvoiceLineKindEnum,
  InvoiceStatusEnum,
  OperationCategoryEnum,
  documentTypeOf,
  LabourTypeEnum,
} from './invoice.enums';

/** The shared customer file, owned by maintenance: billing only points at it. */
@ObjectType('Customer')
@Directive('@key(fields: "id", resolvable: false)')
export class CustomerRef {
  @Field(() => ID) id!: string;
}

/** An intervention (owned by maintenance) that billing extends with its invoice. */
@ObjectType('Intervention')
@Directive('@key(fields: "id")')
export class InterventionRef {
  @Field(() => ID) id!: string;
}

/** A contract (owned by maintenance) that billing extends with its fees, schedule and renewal. */
@ObjectType('Contract')
@Directive('@key(fields: "id")')
export class ContractRef {
  @Field(() => ID) id!: string;
}

@ObjectType('InvoiceLine')
export class InvoiceLineType {
  @Field(() => ID) id!: string;
  @Field(() => Int) position!: number;
  @Field(() => InvoiceLineKindEnum) kind!: InvoiceLineKindEnum;
  @Field(() => String) description!: string;
  @Field(() => DecimalScalar) quantity!: string;
  @Field(() => String, { description: 'UN/ECE unit code: HUR (hour), C62 (piece), KGM...' }) unit!: string;
  @Field(() => DecimalScalar, { description: 'Unit price excluding VAT, before discount.' }) unitPrice!: string;
  @Field(() => DecimalScalar) discountPercent!: string;
  @Field(() => String) vatRateCode!: string;
  @Field(() => DecimalScalar) vatRate!: string;
  @Field(() => DecimalScalar, { description: 'BT-131, rounded to the cent.' }) lineNet!: string;
  @Field(() => String, { nullable: true, description: 'Why this price (contract rate, inclusion, discount).' }) reason!: string | null;
  @Field(() => Boolean, { description: 'Included in the maintenance contract (shown at zero).' }) coveredByContract!: boolean;
  @Field(() => LabourTypeEnum, { nullable: true }) labourType!: LabourTypeEnum | null;
  @Field(() => ID, { nullable: true, description: 'The intervention this line bills, if any.' }) interventionId!: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'BT-134: first day of the service a contract fee line bills.' })
  serviceStart!: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'BT-135: its last day.' }) serviceEnd!: string | null;
}

@ObjectType('VatBreakdownRow')
export class VatBreakdownRowType {
  @Field(() => String) categoryCode!: string;
  @Field(() => DecimalScalar) rate!: string;
  @Field(() => DecimalScalar) basis!: string;
  @Field(() => DecimalScalar) tax!: string;
  @Field(() => String, { nullable: true }) exemptionReason!: string | null;
}

@ObjectType('AllowanceCharge', { description: 'A document-level discount (allowance) or charge, HT, at one VAT rate.' })
export class AllowanceChargeType {
  @Field(() => Boolean, { description: 'true: a charge added; false: a discount.' }) charge!: boolean;
  @Field(() => String) reason!: string;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => String) vatRateCode!: string;
}

@ObjectType('InvoiceTotals', { description: 'EN 16931 totals (BT-106 to BT-115) and the VAT breakdown.' })
export class InvoiceTotalsType {
  @Field(() => [DecimalScalar], { description: 'BT-131 per line, in input order.' }) lineNets!: string[];
  @Field(() => DecimalScalar) lineTotal!: string;
  @Field(() => DecimalScalar) allowanceTotal!: string;
  @Field(() => DecimalScalar) chargeTotal!: string;
  @Field(() => DecimalScalar) totalNet!: string;
  @Field(() => DecimalScalar) totalVat!: string;
  @Field(() => DecimalScalar) totalGross!: string;
  @Field(() => DecimalScalar) prepaidAmount!: string;
  @Field(() => DecimalScalar) amountDue!: string;
  @Field(() => DecimalScalar) retentionAmount!: string;
  @Field(() => [VatBreakdownRowType]) vatBreakdown!: VatBreakdownRowType[];
}

@ObjectType('Invoice', {
  description:
    'An invoice, deposit invoice or credit note: a draft until issued, then legal and immutable (payments and credit notes settle it).',
})
@Directive('@key(fields: "id")')
export class InvoiceType {
  @Field(() => ID) id!: string;
  customerId!: string;
  creditedInvoiceId!: string | null;
  @Field(() => String, { nullable: true, description: 'Legal number, given at issue (F-2026-00042, AV-2026-00003 for credit notes).' })
  number!: string | null;
  @Field(() => DocumentTypeEnum) documentType!: DocumentTypeEnum;
  @Field(() => String, { description: 'UNTDID 1001 code: 380, 381 or 386.' }) typeCode!: string;
  @Field(() => InvoiceStatusEnum) status!: InvoiceStatusEnum;
  @Field(() => LocalDateScalar, { nullable: true }) issueDate!: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) dueDate!: string | null;
  @Field(() => String) currency!: string;
  @Field(() => OperationCategoryEnum) operationCategory!: OperationCategoryEnum;
  @Field(() => String, { nullable: true, description: 'The buyer’s purchase order (BT-13).' }) purchaseOrderRef!: string | null;
  @Field(() => [AllowanceChargeType]) allowanceCharges!: AllowanceChargeType[];
  @Field(() => DecimalScalar, { description: 'BT-109: total excluding VAT, after allowances and charges.' }) totalNet!: string;
  @Field(() => DecimalScalar, { description: 'BT-110.' }) totalVat!: string;
  @Field(() => DecimalScalar, { description: 'BT-112: total including VAT.' }) totalGross!: string;
  @Field(() => DecimalScalar, { description: 'BT-113: deposits already invoiced, deducted.' }) prepaidAmount!: string;
  @Field(() => DecimalScalar, { description: 'BT-115: total including VAT less deposits.' }) amountDue!: string;
  @Field(() => DecimalScalar, { description: 'Retenue de garantie, percent of the total including VAT.' }) retentionPercent!: string;
  @Field(() => DecimalScalar) retentionAmount!: string;
  @Field(() => DecimalScalar) paidAmount!: string;
  @Field(() => DecimalScalar, { description: 'Total of the issued credit notes on this invoice.' }) creditedAmount!: string;
  @Field(() => DecimalScalar, { description: 'Passed to losses by write-offs still standing (cancelled ones not counted).' })
  writtenOffAmount!: string;
  @Field(() => DecimalScalar, {
    description: 'What the customer still owes: amount due less retention, payments, credit notes and write-offs.',
  })
  openBalance!: string;
  @Field(() => Boolean, {
    description:
      'Whether a credit note can be made from it: an issued invoice, not wholly credited, with no write-off standing (cancel it first: INVOICE_WRITTEN_OFF).',
  })
  canCreateCreditNote!: boolean;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => Int) version!: number;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => DateTimeResolver) updatedAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true }) issuedAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) sentAt!: Date | null;
  @Field(() => ContractRef, { nullable: true, description: 'The contract whose fees it bills.' }) contract!: ContractRef | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'BT-73: first day of the service period billed.' })
  billingPeriodStart!: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'BT-74.' }) billingPeriodEnd!: string | null;
}

export const InvoiceConnection = ConnectionType(InvoiceType, 'Invoice');

export function toInvoiceType(i: Invoice): InvoiceType {
  return {
    id: i.id,
    customerId: i.customerId,
    creditedInvoiceId: i.creditedInvoiceId ?? null,
    number: i.number ?? null,
    documentType: documentTypeOf(i.typeCode),
    typeCode: i.typeCode,
    status: invoiceDisplayStatus(i, localDate(new Date())) as InvoiceStatusEnum,
    issueDate: i.issueDate ?? null,
    dueDate: i.dueDate ?? null,
    currency: i.currency,
    operationCategory: i.operationCategory as OperationCategoryEnum,
    purchaseOrderRef: i.purchaseOrderRef ?? null,
    allowanceCharges: i.allowanceCharges.map((a: StoredAllowanceCharge) => ({ ...a })),
    totalNet: i.totalNet,
    totalVat: i.totalVat,
    totalGross: i.totalGross,
    prepaidAmount: i.prepaidAmount,
    amountDue: i.amountDue,
    retentionPercent: i.retentionPercent,
    retentionAmount: i.retentionAmount,
    paidAmount: i.paidAmount,
    creditedAmount: i.creditedAmount,
    writtenOffAmount: i.writtenOffAmount,
    openBalance: openBalanceOf(i),
    canCreateCreditNote: canCreateCreditNote(i),
    notes: i.notes ?? null,
    version: i.version,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    issuedAt: i.issuedAt ?? null,
    sentAt: i.sentAt ?? null,
    contract: i.contractId ? { id: i.contractId } : null,
    billingPeriodStart: i.billingPeriodStart ?? null,
    billingPeriodEnd: i.billingPeriodEnd ?? null,
  };
}

export const toLineType = (l: InvoiceLine): InvoiceLineType => ({
  id: l.id,
  position: l.position,
  kind: l.kind as InvoiceLineKindEnum,
  coveredByContract: l.coveredByContract,
  labourType: (l.labourType ?? null) as LabourTypeEnum | null,
  interventionId: l.interventionId ?? null,
  description: l.description,
  quantity: l.quantity,
  unit: l.unit,
  unitPrice: l.unitPrice,
  discountPercent: l.discountPercent,
  vatRateCode: l.vatRateCode,
  vatRate: l.vatRate,
  lineNet: l.lineNet,
  reason: l.reason ?? null,
  serviceStart: l.serviceStart ?? null,
  serviceEnd: l.serviceEnd ?? null,
});

export const toBreakdownType = (b: InvoiceVatBreakdown): VatBreakdownRowType => ({
  categoryCode: b.category,
  rate: b.rate,
  basis: b.basis,
  tax: b.tax,
  exemptionReason: b.exemptionReason ?? null,
});
