import { registerEnumType } from 'type-graphql';
import type { InvoiceDisplayStatus, InvoiceTypeCode, OperationCategory } from '@relais/domain';

export enum InvoiceStatusEnum {
  DRAFT = 'DRAFT',
  ISSUED = 'ISSUED',
  SENT = 'SENT',
  PARTLY_PAID = 'PARTLY_PAID',
  PAID = 'PAID',
  OVERDUE = 'OVERDUE',
  CREDITED = 'CREDITED',
  WRITTEN_OFF = 'WRITTEN_OFF',
}
registerEnumType(InvoiceStatusEnum, {
  name: 'InvoiceStatus',
  description: 'Draft, then issued or sent; then partly paid, paid, overdue (after the due date), fully credited or closed by a write-off.',
});

export enum DocumentTypeEnum {
  INVOICE = 'INVOICE',
  CREDIT_NOTE = 'CREDIT_NOTE',
  DEPOSIT_INVOICE = 'DEPOSIT_INVOICE',
}
registerEnumType(DocumentTypeEnum, {
  name: 'DocumentType',
  description: 'UNTDID 1001: 380 invoice, 381 credit note, 386 deposit invoice.',
});

const TYPE_CODES: Record<DocumentTypeEnum, InvoiceTypeCode> = { INVOICE: '380', CREDIT_NOTE: '381', DEPOSIT_INVOICE: '386' };
export const typeCodeOf = (t: DocumentTypeEnum): InvoiceTypeCode => TYPE_CODES[t];
export const documentTypeOf = (code: InvoiceTypeCode): DocumentTypeEnum =>
  (Object.keys(TYPE_CODES) as DocumentTypeEnum[]).find((k) => TYPE_CODES[k] === code)!;

export enum OperationCategoryEnum {
  GOODS = 'B',
  SERVICES = 'S',
  MIXED = 'M',
}
registerEnumType(OperationCategoryEnum, { name: 'OperationCategory', description: 'BT-23: goods, services or both.' });

export enum InvoiceLineKindEnum {
  LABOUR = 'LABOUR',
  TRAVEL = 'TRAVEL',
  PART = 'PART',
  FEE = 'FEE',
  OTHER = 'OTHER',
}
registerEnumType(InvoiceLineKindEnum, { name: 'InvoiceLineKind' });

/** The same enum as maintenance's (a federated value type: identical in both subgraphs). */
export enum LabourTypeEnum {
  NORMAL = 'NORMAL',
  OVERTIME = 'OVERTIME',
  NIGHT = 'NIGHT',
  WEEKEND_HOLIDAY = 'WEEKEND_HOLIDAY',
}
registerEnumType(LabourTypeEnum, { name: 'LabourType' });

export type { InvoiceDisplayStatus, OperationCategory };
