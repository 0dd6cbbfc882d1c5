import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar, LocalDateScalar } from '@relais/subgraph-kit';
import type { PortalInvoiceView } from '@relais/domain';

export enum PortalInvoiceKindEnum {
  INVOICE = 'INVOICE',
  CREDIT_NOTE = 'CREDIT_NOTE',
}
registerEnumType(PortalInvoiceKindEnum, {
  name: 'PortalInvoiceKind',
  description: 'An invoice (deposit invoices included) or a credit note.',
});

export enum PortalInvoiceStatusEnum {
  TO_PAY = 'TO_PAY',
  PARTIALLY_PAID = 'PARTIALLY_PAID',
  OVERDUE = 'OVERDUE',
  PAID = 'PAID',
  CREDITED = 'CREDITED',
  REFUND_DUE = 'REFUND_DUE',
  SETTLED = 'SETTLED',
}
registerEnumType(PortalInvoiceStatusEnum, {
  name: 'PortalInvoiceStatus',
  description:
    'An invoice: TO_PAY, PARTIALLY_PAID, OVERDUE (past its due date), PAID, CREDITED (cancelled by credit notes), SETTLED (closed without being paid in full). A credit note: REFUND_DUE (the company owes the amount back), SETTLED (deducted from what was owed).',
});

@ObjectType('PortalTransfer', { description: 'The SEPA transfer that pays what is due, with the EPC QR code a banking app scans.' })
export class PortalTransferType {
  @Field(() => String) iban!: string;
  @Field(() => String, { nullable: true }) bic!: string | null;
  @Field(() => String, { description: 'The account holder: the company’s legal name.' }) beneficiary!: string;
  @Field(() => String, { description: 'To quote in the transfer: the invoice number.' }) reference!: string;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => String, { description: 'The EPC QR code (EPC069-12) as an SVG document.' }) qrCodeSvg!: string;
}

@ObjectType('PortalInvoice', { description: 'An issued invoice or credit note of the caller’s customer.' })
@Directive('@key(fields: "id")')
export class PortalInvoiceType {
  @Field(() => ID) id!: string;
  @Field(() => PortalInvoiceKindEnum) kind!: PortalInvoiceKindEnum;
  @Field(() => String) number!: string;
  @Field(() => LocalDateScalar) issuedOn!: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Null for a credit note.' }) dueOn!: string | null;
  @Field(() => DecimalScalar) totalExclTax!: string;
  @Field(() => DecimalScalar) totalInclTax!: string;
  @Field(() => DecimalScalar, { description: 'What is left to pay now (0.00 when nothing, and for a credit note).' }) amountDue!: string;
  @Field(() => PortalInvoiceStatusEnum) status!: PortalInvoiceStatusEnum;
  @Field(() => PortalTransferType, {
    nullable: true,
    description: 'How to pay by transfer, when something is due and is not collected by direct debit.',
  })
  transfer!: PortalTransferType | null;
}

export const toPortalInvoiceType = ({ invoice, kind, status, amountDue, transfer }: PortalInvoiceView): PortalInvoiceType => ({
  id: invoice.id,
  kind: kind as PortalInvoiceKindEnum,
  number: invoice.number!,
  issuedOn: invoice.issueDate!,
  dueOn: kind === 'CREDIT_NOTE' ? null : (invoice.dueDate ?? null),
  totalExclTax: invoice.totalNet,
  totalInclTax: invoice.totalGross,
  amountDue,
  status: status as PortalInvoiceStatusEnum,
  transfer,
});
