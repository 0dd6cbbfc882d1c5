/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type EquipmentCategory =
  | 'AIR_CONDITIONING'
  | 'BOILER'
  | 'ELECTRICAL_PANEL'
  | 'FIRE_ALARM_SYSTEM'
  | 'FIRE_EXTINGUISHER'
  | 'HEAT_PUMP'
  | 'OTHER'
  | 'VENTILATION';

export type PaymentMethod =
  | 'CARD'
  | 'CASH'
  | 'CHECK'
  | 'DIRECT_DEBIT'
  | 'TRANSFER';

/** A breakdown to report: the equipment, or the site when no equipment fits (one of them). */
export type PortalBreakdownInput = {
  description: string;
  equipmentId?: string | number | null | undefined;
  /** 3 photos at most, JPEG or PNG. */
  photos?: Array<PortalPhotoInput> | null | undefined;
  siteId?: string | number | null | undefined;
};

/** An invoice (deposit invoices included) or a credit note. */
export type PortalInvoiceKind =
  | 'CREDIT_NOTE'
  | 'INVOICE';

/** An invoice: TO_PAY, PARTIALLY_PAID, OVERDUE (past its due date), PAID, CREDITED (cancelled by credit notes), SETTLED (closed without being paid in full). A credit note: REFUND_DUE (the company owes the amount back), SETTLED (deducted from what was owed). */
export type PortalInvoiceStatus =
  | 'CREDITED'
  | 'OVERDUE'
  | 'PAID'
  | 'PARTIALLY_PAID'
  | 'REFUND_DUE'
  | 'SETTLED'
  | 'TO_PAY';

export type PortalPhotoInput = {
  caption?: string | null | undefined;
  /** data:image/png|jpeg;base64,… (2 MB at most) */
  dataUrl: string;
};

/** SENT (to decide), EXPIRED past its validity, ACCEPTED or REFUSED, INVOICED once an invoice was issued from it. */
export type PortalQuoteStatus =
  | 'ACCEPTED'
  | 'EXPIRED'
  | 'INVOICED'
  | 'REFUSED'
  | 'SENT';

export type PortalRequestStatus =
  | 'CANCELLED'
  | 'DONE'
  | 'IN_PROGRESS'
  | 'RECEIVED'
  | 'SCHEDULED';

export type PortalVisitKind =
  | 'CORRECTIVE'
  | 'PREVENTIVE';

export type PortalVisitStatus =
  | 'CANCELLED'
  | 'DONE'
  | 'IN_PROGRESS'
  | 'PLANNED';

export type PortalCompanyQueryVariables = Exact<{
  tenant: string;
}>;


export type PortalCompanyQuery = { portalCompany: { name: string, logoUrl: string | null, primaryColor: string } | null };

export type PortalRequestSignInLinkMutationVariables = Exact<{
  tenant: string;
  email: string;
}>;


export type PortalRequestSignInLinkMutation = { requestPortalSignInLink: boolean };

export type PortalSignInMutationVariables = Exact<{
  token: string;
}>;


export type PortalSignInMutation = { signInWithPortalLink: { token: string, expiresAt: string } };

export type PortalViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalViewerQuery = { portalViewer: { contactName: string, email: string, customerName: string, company: { name: string, logoUrl: string | null, primaryColor: string } } };

export type PortalHomeQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalHomeQuery = { portalQuotes: Array<{ id: string, status: PortalQuoteStatus, canDecide: boolean, totalInclTax: string }>, portalInvoices: Array<{ id: string, kind: PortalInvoiceKind, status: PortalInvoiceStatus, amountDue: string }>, portalRequests: Array<{ id: string, status: PortalRequestStatus }> };

export type PortalSitesQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalSitesQuery = { portalSites: Array<{ id: string, name: string, addressLine1: string, postalCode: string, city: string, equipment: Array<{ id: string, name: string, category: EquipmentCategory, brand: string | null, model: string | null }> }> };

export type PortalEquipmentQueryVariables = Exact<{
  id: string | number;
}>;


export type PortalEquipmentQuery = { portalEquipment: { id: string, name: string, category: EquipmentCategory, brand: string | null, model: string | null, serialNumber: string | null, siteName: string, visits: Array<{ id: string, reference: string, kind: PortalVisitKind, status: PortalVisitStatus, date: string, workDone: string | null, technicians: Array<string>, signedBy: string | null, reportPdfUrl: string | null }> } | null };

export type PortalRequestsQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalRequestsQuery = { portalRequests: Array<{ id: string, reference: string, createdAt: string, siteName: string, equipmentName: string | null, description: string | null, status: PortalRequestStatus, scheduledFor: string | null, photoCount: number }> };

export type PortalReportBreakdownMutationVariables = Exact<{
  input: PortalBreakdownInput;
}>;


export type PortalReportBreakdownMutation = { portalReportBreakdown: { id: string, reference: string, status: PortalRequestStatus } };

export type PortalQuotesQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalQuotesQuery = { portalQuotes: Array<{ id: string, number: string, status: PortalQuoteStatus, subject: string, issuedOn: string, validUntil: string, totalInclTax: string, canDecide: boolean }> };

export type PortalQuoteDetailFragment = { id: string, number: string, status: PortalQuoteStatus, subject: string, issuedOn: string, validUntil: string, totalExclTax: string, totalVat: string, totalInclTax: string, canDecide: boolean, decidedBy: string | null, decidedAt: string | null, pdfUrl: string, lines: Array<{ id: string, description: string, quantity: string, unitPrice: string, netAmount: string, vatRate: string, optional: boolean }> };

export type PortalQuoteQueryVariables = Exact<{
  id: string | number;
}>;


export type PortalQuoteQuery = { portalQuote: { id: string, number: string, status: PortalQuoteStatus, subject: string, issuedOn: string, validUntil: string, totalExclTax: string, totalVat: string, totalInclTax: string, canDecide: boolean, decidedBy: string | null, decidedAt: string | null, pdfUrl: string, lines: Array<{ id: string, description: string, quantity: string, unitPrice: string, netAmount: string, vatRate: string, optional: boolean }> } | null };

export type PortalAcceptQuoteMutationVariables = Exact<{
  id: string | number;
  signerName: string;
  signature: string;
  optionalLineIds?: Array<string | number> | string | number | null | undefined;
}>;


export type PortalAcceptQuoteMutation = { portalAcceptQuote: { id: string, number: string, status: PortalQuoteStatus, subject: string, issuedOn: string, validUntil: string, totalExclTax: string, totalVat: string, totalInclTax: string, canDecide: boolean, decidedBy: string | null, decidedAt: string | null, pdfUrl: string, lines: Array<{ id: string, description: string, quantity: string, unitPrice: string, netAmount: string, vatRate: string, optional: boolean }> } };

export type PortalRefuseQuoteMutationVariables = Exact<{
  id: string | number;
  signerName: string;
  reason?: string | null | undefined;
}>;


export type PortalRefuseQuoteMutation = { portalRefuseQuote: { id: string, number: string, status: PortalQuoteStatus, subject: string, issuedOn: string, validUntil: string, totalExclTax: string, totalVat: string, totalInclTax: string, canDecide: boolean, decidedBy: string | null, decidedAt: string | null, pdfUrl: string, lines: Array<{ id: string, description: string, quantity: string, unitPrice: string, netAmount: string, vatRate: string, optional: boolean }> } };

export type PortalInvoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalInvoicesQuery = { portalInvoices: Array<{ id: string, kind: PortalInvoiceKind, number: string, issuedOn: string, dueOn: string | null, totalExclTax: string, totalInclTax: string, amountDue: string, status: PortalInvoiceStatus, pdfUrl: string, xmlUrl: string, transfer: { iban: string, bic: string | null, beneficiary: string, reference: string, amount: string, qrCodeSvg: string } | null, payments: Array<{ receivedOn: string, amount: string, method: PaymentMethod }> }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const PortalQuoteDetailFragmentDoc = new TypedDocumentString(`
    fragment PortalQuoteDetail on PortalQuote {
  id
  number
  status
  subject
  issuedOn
  validUntil
  totalExclTax
  totalVat
  totalInclTax
  lines {
    id
    description
    quantity
    unitPrice
    netAmount
    vatRate
    optional
  }
  canDecide
  decidedBy
  decidedAt
  pdfUrl
}
    `, {"fragmentName":"PortalQuoteDetail"}) as unknown as TypedDocumentString<PortalQuoteDetailFragment, unknown>;
export const PortalCompanyDocument = new TypedDocumentString(`
    query PortalCompany($tenant: String!) {
  portalCompany(tenant: $tenant) {
    name
    logoUrl
    primaryColor
  }
}
    `, {"hash":"sha256:f17f941e85b8bb3f0d54b4200baac5d4e549bdf53eacb4fc587a17b01efa28b6"}) as unknown as TypedDocumentString<PortalCompanyQuery, PortalCompanyQueryVariables>;
export const PortalRequestSignInLinkDocument = new TypedDocumentString(`
    mutation PortalRequestSignInLink($tenant: String!, $email: String!) {
  requestPortalSignInLink(tenant: $tenant, email: $email)
}
    `, {"hash":"sha256:bd4bd6abc5ea9a21f66ca4c66b42bd5626a666bac5c2c57acb4ee7fea33e9d13"}) as unknown as TypedDocumentString<PortalRequestSignInLinkMutation, PortalRequestSignInLinkMutationVariables>;
export const PortalSignInDocument = new TypedDocumentString(`
    mutation PortalSignIn($token: String!) {
  signInWithPortalLink(token: $token) {
    token
    expiresAt
  }
}
    `, {"hash":"sha256:c3abcdcf688b120a97f87b68c589187a0535539cbacfc08467ef3a64b99bd69f"}) as unknown as TypedDocumentString<PortalSignInMutation, PortalSignInMutationVariables>;
export const PortalViewerDocument = new TypedDocumentString(`
    query PortalViewer {
  portalViewer {
    contactName
    email
    customerName
    company {
      name
      logoUrl
      primaryColor
    }
  }
}
    `, {"hash":"sha256:57b417916ea49207fb82fbf572e6f0a0afb7e53afd7ef2a9bd73f390e10cd3c2"}) as unknown as TypedDocumentString<PortalViewerQuery, PortalViewerQueryVariables>;
export const PortalHomeDocument = new TypedDocumentString(`
    query PortalHome {
  portalQuotes {
    id
    status
    canDecide
    totalInclTax
  }
  portalInvoices {
    id
    kind
    status
    amountDue
  }
  portalRequests {
    id
    status
  }
}
    `, {"hash":"sha256:876ffb779bbb0877a26e4fa452ae1fa7afdedb3386e2137d76f16aa6d0080bb2"}) as unknown as TypedDocumentString<PortalHomeQuery, PortalHomeQueryVariables>;
export const PortalSitesDocument = new TypedDocumentString(`
    query PortalSites {
  portalSites {
    id
    name
    addressLine1
    postalCode
    city
    equipment {
      id
      name
      category
      brand
      model
    }
  }
}
    `, {"hash":"sha256:2dd45fdaebd6be4296bd7d4a4b6ad1ac69e8178aee0b13a2a17204edb54cbd77"}) as unknown as TypedDocumentString<PortalSitesQuery, PortalSitesQueryVariables>;
export const PortalEquipmentDocument = new TypedDocumentString(`
    query PortalEquipment($id: ID!) {
  portalEquipment(id: $id) {
    id
    name
    category
    brand
    model
    serialNumber
    siteName
    visits {
      id
      reference
      kind
      status
      date
      workDone
      technicians
      signedBy
      reportPdfUrl
    }
  }
}
    `, {"hash":"sha256:8f6d684a224791d0704d7cdb2b024dd0be0109bb07df5a6216c382a05acf469f"}) as unknown as TypedDocumentString<PortalEquipmentQuery, PortalEquipmentQueryVariables>;
export const PortalRequestsDocument = new TypedDocumentString(`
    query PortalRequests {
  portalRequests {
    id
    reference
    createdAt
    siteName
    equipmentName
    description
    status
    scheduledFor
    photoCount
  }
}
    `, {"hash":"sha256:b025d0aa17de423af3a547864d4b61dbcc0785d74f549259cfcac9bb25d96631"}) as unknown as TypedDocumentString<PortalRequestsQuery, PortalRequestsQueryVariables>;
export const PortalReportBreakdownDocument = new TypedDocumentString(`
    mutation PortalReportBreakdown($input: PortalBreakdownInput!) {
  portalReportBreakdown(input: $input) {
    id
    reference
    status
  }
}
    `, {"hash":"sha256:5c827e201d767160dbc45a7ee96f5b36ab329c8d69d0358ff2041f7e6d255fe6"}) as unknown as TypedDocumentString<PortalReportBreakdownMutation, PortalReportBreakdownMutationVariables>;
export const PortalQuotesDocument = new TypedDocumentString(`
    query PortalQuotes {
  portalQuotes {
    id
    number
    status
    subject
    issuedOn
    validUntil
    totalInclTax
    canDecide
  }
}
    `, {"hash":"sha256:a00aea8f9d1fd2a51ace1b66dd8be4a1dc56b3b2b88206492c350280b0d0e5e3"}) as unknown as TypedDocumentString<PortalQuotesQuery, PortalQuotesQueryVariables>;
export const PortalQuoteDocument = new TypedDocumentString(`
    query PortalQuote($id: ID!) {
  portalQuote(id: $id) {
    ...PortalQuoteDetail
  }
}
    fragment PortalQuoteDetail on PortalQuote {
  id
  number
  status
  subject
  issuedOn
  validUntil
  totalExclTax
  totalVat
  totalInclTax
  lines {
    id
    description
    quantity
    unitPrice
    netAmount
    vatRate
    optional
  }
  canDecide
  decidedBy
  decidedAt
  pdfUrl
}`, {"hash":"sha256:1233ac046216c900efc7e3ec42ff79e9ca60a52b0b6ebbfcd3a01e4b9a02ce95"}) as unknown as TypedDocumentString<PortalQuoteQuery, PortalQuoteQueryVariables>;
export const PortalAcceptQuoteDocument = new TypedDocumentString(`
    mutation PortalAcceptQuote($id: ID!, $signerName: String!, $signature: String!, $optionalLineIds: [ID!]) {
  portalAcceptQuote(
    id: $id
    signerName: $signerName
    signature: $signature
    optionalLineIds: $optionalLineIds
  ) {
    ...PortalQuoteDetail
  }
}
    fragment PortalQuoteDetail on PortalQuote {
  id
  number
  status
  subject
  issuedOn
  validUntil
  totalExclTax
  totalVat
  totalInclTax
  lines {
    id
    description
    quantity
    unitPrice
    netAmount
    vatRate
    optional
  }
  canDecide
  decidedBy
  decidedAt
  pdfUrl
}`, {"hash":"sha256:e68b74f85685394f3c61f7bb290d4f725d9131998d37bf8121f0038af16255a5"}) as unknown as TypedDocumentString<PortalAcceptQuoteMutation, PortalAcceptQuoteMutationVariables>;
export const PortalRefuseQuoteDocument = new TypedDocumentString(`
    mutation PortalRefuseQuote($id: ID!, $signerName: String!, $reason: String) {
  portalRefuseQuote(id: $id, signerName: $signerName, reason: $reason) {
    ...PortalQuoteDetail
  }
}
    fragment PortalQuoteDetail on PortalQuote {
  id
  number
  status
  subject
  issuedOn
  validUntil
  totalExclTax
  totalVat
  totalInclTax
  lines {
    id
    description
    quantity
    unitPrice
    netAmount
    vatRate
    optional
  }
  canDecide
  decidedBy
  decidedAt
  pdfUrl
}`, {"hash":"sha256:8b01fe45d77094e7915e6597d3ad58a5201019b5368f3e81c59b7bcd489975b7"}) as unknown as TypedDocumentString<PortalRefuseQuoteMutation, PortalRefuseQuoteMutationVariables>;
export const PortalInvoicesDocument = new TypedDocumentString(`
    query PortalInvoices {
  portalInvoices {
    id
    kind
    number
    issuedOn
    dueOn
    totalExclTax
    totalInclTax
    amountDue
    status
    pdfUrl
    xmlUrl
    transfer {
      iban
      bic
      beneficiary
      reference
      amount
      qrCodeSvg
    }
    payments {
      receivedOn
      amount
      method
    }
  }
}
    `, {"hash":"sha256:0319ea99d3edd44c3a52afa819a88982a4eaa1fc9b25389a515782c904c89660"}) as unknown as TypedDocumentString<PortalInvoicesQuery, PortalInvoicesQueryVariables>;