/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type InterventionPriority =
  | 'HIGH'
  | 'LOW'
  | 'NORMAL'
  | 'URGENT';

/** The whole report: it replaces what was recorded before (photos only when given). */
export type InterventionReportInput = {
  /** What the customer wrote beside the signature (« sous réserve de… »). */
  customerReservations?: string | null | undefined;
  labour: Array<LabourEntryInput>;
  observations?: string | null | undefined;
  parts: Array<PartUsedInput>;
  photos?: Array<PhotoInput> | null | undefined;
  /** The customer’s drawn signature, data:image/png;base64,… */
  signatureDataUrl?: string | null | undefined;
  signerName?: string | null | undefined;
  travelCount?: number;
  travelZone?: string | null | undefined;
};

/** REQUESTED -> SCHEDULED -> IN_PROGRESS -> COMPLETED (technician) -> CLOSED (office) -> INVOICED; or CANCELLED. */
export type InterventionStatus =
  | 'CANCELLED'
  | 'CLOSED'
  | 'COMPLETED'
  | 'INVOICED'
  | 'IN_PROGRESS'
  | 'REQUESTED'
  | 'SCHEDULED';

export type InterventionType =
  | 'CORRECTIVE'
  | 'INSPECTION'
  | 'INSTALLATION'
  | 'PREVENTIVE';

export type LabourEntryInput = {
  hours: string;
  labourType?: LabourType;
  technicianId: string | number;
  workDate: string;
};

export type LabourType =
  | 'NIGHT'
  | 'NORMAL'
  | 'OVERTIME'
  | 'WEEKEND_HOLIDAY';

export type PartUsedInput = {
  catalogItemId: string | number;
  quantity: string;
  serialNumber?: string | null | undefined;
};

export type PhotoInput = {
  caption?: string | null | undefined;
  /** data:image/png|jpeg|webp;base64,… (2 MB at most) */
  dataUrl: string;
};

export type Role =
  | 'ACCOUNTANT'
  | 'ADMIN'
  | 'BILLING'
  | 'PLANNER'
  | 'TECHNICIAN';

export type TravelPricing =
  | 'FLAT'
  | 'ZONE';

export type FieldJobFragment = { id: string, number: string, title: string, description: string | null, type: InterventionType, priority: InterventionPriority, status: InterventionStatus, version: number, scheduledStart: string | null, scheduledEnd: string | null, cancelledAt: string | null, cancelReason: string | null, customer: { id: string, name: string, phone: string | null }, site: { id: string, name: string, accessNotes: string | null, address: { line1: string, line2: string | null, postalCode: string, city: string } }, equipment: { id: string, name: string, brand: string | null, model: string | null, serialNumber: string | null, history: Array<{ at: string, kind: string, summary: string }> } | null, contract: { id: string, reference: string, title: string, status: string, endsOn: string, sla: Array<{ priority: InterventionPriority, responseHours: number }>, rateCard: { travelPricing: TravelPricing, travelZones: Array<{ code: string, label: string }> } } | null, technicians: Array<{ id: string, fullName: string }>, report: { travelCount: number, travelZone: string | null, observations: string | null, customerReservations: string | null, signerName: string | null, signatureDataUrl: string | null, labour: Array<{ workDate: string, hours: string, labourType: LabourType, technician: { id: string } }>, parts: Array<{ quantity: string, serialNumber: string | null, item: { id: string, code: string, label: string, unit: string, trackedBySerial: boolean } }>, photos: Array<{ caption: string | null, url: string }> } };

export type FieldDayQueryVariables = Exact<{
  date?: string | null | undefined;
}>;


export type FieldDayQuery = { myDay: Array<{ id: string, number: string, title: string, description: string | null, type: InterventionType, priority: InterventionPriority, status: InterventionStatus, version: number, scheduledStart: string | null, scheduledEnd: string | null, cancelledAt: string | null, cancelReason: string | null, customer: { id: string, name: string, phone: string | null }, site: { id: string, name: string, accessNotes: string | null, address: { line1: string, line2: string | null, postalCode: string, city: string } }, equipment: { id: string, name: string, brand: string | null, model: string | null, serialNumber: string | null, history: Array<{ at: string, kind: string, summary: string }> } | null, contract: { id: string, reference: string, title: string, status: string, endsOn: string, sla: Array<{ priority: InterventionPriority, responseHours: number }>, rateCard: { travelPricing: TravelPricing, travelZones: Array<{ code: string, label: string }> } } | null, technicians: Array<{ id: string, fullName: string }>, report: { travelCount: number, travelZone: string | null, observations: string | null, customerReservations: string | null, signerName: string | null, signatureDataUrl: string | null, labour: Array<{ workDate: string, hours: string, labourType: LabourType, technician: { id: string } }>, parts: Array<{ quantity: string, serialNumber: string | null, item: { id: string, code: string, label: string, unit: string, trackedBySerial: boolean } }>, photos: Array<{ caption: string | null, url: string }> } }> };

export type FieldJobByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type FieldJobByIdQuery = { intervention: { id: string, number: string, title: string, description: string | null, type: InterventionType, priority: InterventionPriority, status: InterventionStatus, version: number, scheduledStart: string | null, scheduledEnd: string | null, cancelledAt: string | null, cancelReason: string | null, customer: { id: string, name: string, phone: string | null }, site: { id: string, name: string, accessNotes: string | null, address: { line1: string, line2: string | null, postalCode: string, city: string } }, equipment: { id: string, name: string, brand: string | null, model: string | null, serialNumber: string | null, history: Array<{ at: string, kind: string, summary: string }> } | null, contract: { id: string, reference: string, title: string, status: string, endsOn: string, sla: Array<{ priority: InterventionPriority, responseHours: number }>, rateCard: { travelPricing: TravelPricing, travelZones: Array<{ code: string, label: string }> } } | null, technicians: Array<{ id: string, fullName: string }>, report: { travelCount: number, travelZone: string | null, observations: string | null, customerReservations: string | null, signerName: string | null, signatureDataUrl: string | null, labour: Array<{ workDate: string, hours: string, labourType: LabourType, technician: { id: string } }>, parts: Array<{ quantity: string, serialNumber: string | null, item: { id: string, code: string, label: string, unit: string, trackedBySerial: boolean } }>, photos: Array<{ caption: string | null, url: string }> } } | null };

export type FieldCatalogQueryVariables = Exact<{ [key: string]: never; }>;


export type FieldCatalogQuery = { catalogItems: Array<{ id: string, code: string, label: string, unit: string, trackedBySerial: boolean }> };

export type FieldMeQueryVariables = Exact<{ [key: string]: never; }>;


export type FieldMeQuery = { me: { id: string, fullName: string, technician: { id: string } | null } };

export type FieldLoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type FieldLoginMutation = { login: { token: string, expiresAt: string, user: { id: string, email: string, fullName: string, role: Role, permissions: Array<string>, tenant: { id: string, name: string } } } };

export type FieldStartMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
}>;


export type FieldStartMutation = { startIntervention: { id: string, number: string, title: string, description: string | null, type: InterventionType, priority: InterventionPriority, status: InterventionStatus, version: number, scheduledStart: string | null, scheduledEnd: string | null, cancelledAt: string | null, cancelReason: string | null, customer: { id: string, name: string, phone: string | null }, site: { id: string, name: string, accessNotes: string | null, address: { line1: string, line2: string | null, postalCode: string, city: string } }, equipment: { id: string, name: string, brand: string | null, model: string | null, serialNumber: string | null, history: Array<{ at: string, kind: string, summary: string }> } | null, contract: { id: string, reference: string, title: string, status: string, endsOn: string, sla: Array<{ priority: InterventionPriority, responseHours: number }>, rateCard: { travelPricing: TravelPricing, travelZones: Array<{ code: string, label: string }> } } | null, technicians: Array<{ id: string, fullName: string }>, report: { travelCount: number, travelZone: string | null, observations: string | null, customerReservations: string | null, signerName: string | null, signatureDataUrl: string | null, labour: Array<{ workDate: string, hours: string, labourType: LabourType, technician: { id: string } }>, parts: Array<{ quantity: string, serialNumber: string | null, item: { id: string, code: string, label: string, unit: string, trackedBySerial: boolean } }>, photos: Array<{ caption: string | null, url: string }> } } };

export type FieldRecordReportMutationVariables = Exact<{
  id: string | number;
  report: InterventionReportInput;
  expectedVersion: number;
}>;


export type FieldRecordReportMutation = { recordInterventionReport: { id: string, number: string, title: string, description: string | null, type: InterventionType, priority: InterventionPriority, status: InterventionStatus, version: number, scheduledStart: string | null, scheduledEnd: string | null, cancelledAt: string | null, cancelReason: string | null, customer: { id: string, name: string, phone: string | null }, site: { id: string, name: string, accessNotes: string | null, address: { line1: string, line2: string | null, postalCode: string, city: string } }, equipment: { id: string, name: string, brand: string | null, model: string | null, serialNumber: string | null, history: Array<{ at: string, kind: string, summary: string }> } | null, contract: { id: string, reference: string, title: string, status: string, endsOn: string, sla: Array<{ priority: InterventionPriority, responseHours: number }>, rateCard: { travelPricing: TravelPricing, travelZones: Array<{ code: string, label: string }> } } | null, technicians: Array<{ id: string, fullName: string }>, report: { travelCount: number, travelZone: string | null, observations: string | null, customerReservations: string | null, signerName: string | null, signatureDataUrl: string | null, labour: Array<{ workDate: string, hours: string, labourType: LabourType, technician: { id: string } }>, parts: Array<{ quantity: string, serialNumber: string | null, item: { id: string, code: string, label: string, unit: string, trackedBySerial: boolean } }>, photos: Array<{ caption: string | null, url: string }> } } };

export type FieldCompleteMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
}>;


export type FieldCompleteMutation = { completeIntervention: { id: string, number: string, title: string, description: string | null, type: InterventionType, priority: InterventionPriority, status: InterventionStatus, version: number, scheduledStart: string | null, scheduledEnd: string | null, cancelledAt: string | null, cancelReason: string | null, customer: { id: string, name: string, phone: string | null }, site: { id: string, name: string, accessNotes: string | null, address: { line1: string, line2: string | null, postalCode: string, city: string } }, equipment: { id: string, name: string, brand: string | null, model: string | null, serialNumber: string | null, history: Array<{ at: string, kind: string, summary: string }> } | null, contract: { id: string, reference: string, title: string, status: string, endsOn: string, sla: Array<{ priority: InterventionPriority, responseHours: number }>, rateCard: { travelPricing: TravelPricing, travelZones: Array<{ code: string, label: string }> } } | null, technicians: Array<{ id: string, fullName: string }>, report: { travelCount: number, travelZone: string | null, observations: string | null, customerReservations: string | null, signerName: string | null, signatureDataUrl: string | null, labour: Array<{ workDate: string, hours: string, labourType: LabourType, technician: { id: string } }>, parts: Array<{ quantity: string, serialNumber: string | null, item: { id: string, code: string, label: string, unit: string, trackedBySerial: boolean } }>, photos: Array<{ caption: string | null, url: string }> } } };

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
export const FieldJobFragmentDoc = new TypedDocumentString(`
    fragment FieldJob on Intervention {
  id
  number
  title
  description
  type
  priority
  status
  version
  scheduledStart
  scheduledEnd
  cancelledAt
  cancelReason
  customer {
    id
    name
    phone
  }
  site {
    id
    name
    accessNotes
    address {
      line1
      line2
      postalCode
      city
    }
  }
  equipment {
    id
    name
    brand
    model
    serialNumber
    history(first: 5) {
      at
      kind
      summary
    }
  }
  contract {
    id
    reference
    title
    status
    endsOn
    sla {
      priority
      responseHours
    }
    rateCard {
      travelPricing
      travelZones {
        code
        label
      }
    }
  }
  technicians {
    id
    fullName
  }
  report {
    travelCount
    travelZone
    observations
    customerReservations
    signerName
    signatureDataUrl
    labour {
      workDate
      hours
      labourType
      technician {
        id
      }
    }
    parts {
      quantity
      serialNumber
      item {
        id
        code
        label
        unit
        trackedBySerial
      }
    }
    photos {
      caption
      url
    }
  }
}
    `, {"fragmentName":"FieldJob"}) as unknown as TypedDocumentString<FieldJobFragment, unknown>;
export const FieldDayDocument = new TypedDocumentString(`
    query FieldDay($date: LocalDate) {
  myDay(date: $date) {
    ...FieldJob
  }
}
    fragment FieldJob on Intervention {
  id
  number
  title
  description
  type
  priority
  status
  version
  scheduledStart
  scheduledEnd
  cancelledAt
  cancelReason
  customer {
    id
    name
    phone
  }
  site {
    id
    name
    accessNotes
    address {
      line1
      line2
      postalCode
      city
    }
  }
  equipment {
    id
    name
    brand
    model
    serialNumber
    history(first: 5) {
      at
      kind
      summary
    }
  }
  contract {
    id
    reference
    title
    status
    endsOn
    sla {
      priority
      responseHours
    }
    rateCard {
      travelPricing
      travelZones {
        code
        label
      }
    }
  }
  technicians {
    id
    fullName
  }
  report {
    travelCount
    travelZone
    observations
    customerReservations
    signerName
    signatureDataUrl
    labour {
      workDate
      hours
      labourType
      technician {
        id
      }
    }
    parts {
      quantity
      serialNumber
      item {
        id
        code
        label
        unit
        trackedBySerial
      }
    }
    photos {
      caption
      url
    }
  }
}`, {"hash":"sha256:b5a4dd60f611620812498e096c5ff5d5c8588e8d3bc1412eb362e280617c41f9"}) as unknown as TypedDocumentString<FieldDayQuery, FieldDayQueryVariables>;
export const FieldJobByIdDocument = new TypedDocumentString(`
    query FieldJobById($id: ID!) {
  intervention(id: $id) {
    ...FieldJob
  }
}
    fragment FieldJob on Intervention {
  id
  number
  title
  description
  type
  priority
  status
  version
  scheduledStart
  scheduledEnd
  cancelledAt
  cancelReason
  customer {
    id
    name
    phone
  }
  site {
    id
    name
    accessNotes
    address {
      line1
      line2
      postalCode
      city
    }
  }
  equipment {
    id
    name
    brand
    model
    serialNumber
    history(first: 5) {
      at
      kind
      summary
    }
  }
  contract {
    id
    reference
    title
    status
    endsOn
    sla {
      priority
      responseHours
    }
    rateCard {
      travelPricing
      travelZones {
        code
        label
      }
    }
  }
  technicians {
    id
    fullName
  }
  report {
    travelCount
    travelZone
    observations
    customerReservations
    signerName
    signatureDataUrl
    labour {
      workDate
      hours
      labourType
      technician {
        id
      }
    }
    parts {
      quantity
      serialNumber
      item {
        id
        code
        label
        unit
        trackedBySerial
      }
    }
    photos {
      caption
      url
    }
  }
}`, {"hash":"sha256:edfcb191c1cc27f3c6c6c69f3a955f6408e1a1f48584ca474c3a7cdc09a8e154"}) as unknown as TypedDocumentString<FieldJobByIdQuery, FieldJobByIdQueryVariables>;
export const FieldCatalogDocument = new TypedDocumentString(`
    query FieldCatalog {
  catalogItems(kind: "PART") {
    id
    code
    label
    unit
    trackedBySerial
  }
}
    `, {"hash":"sha256:0f8f220a873f26540c26504771e3640676e8b0d05813eb5416b41342f745dad1"}) as unknown as TypedDocumentString<FieldCatalogQuery, FieldCatalogQueryVariables>;
export const FieldMeDocument = new TypedDocumentString(`
    query FieldMe {
  me {
    id
    fullName
    technician {
      id
    }
  }
}
    `, {"hash":"sha256:e37edc7a8c34cc7d5afbf6c9c7ad352fe7e9c4dedf7ece0c9885bbd9076e5353"}) as unknown as TypedDocumentString<FieldMeQuery, FieldMeQueryVariables>;
export const FieldLoginDocument = new TypedDocumentString(`
    mutation FieldLogin($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    token
    expiresAt
    user {
      id
      email
      fullName
      role
      permissions
      tenant {
        id
        name
      }
    }
  }
}
    `, {"hash":"sha256:5fa8557181cf05a7bd1ddfb586f3c1ff1bb66c84d5b20a545b76a6868a21bcf2"}) as unknown as TypedDocumentString<FieldLoginMutation, FieldLoginMutationVariables>;
export const FieldStartDocument = new TypedDocumentString(`
    mutation FieldStart($id: ID!, $expectedVersion: Int!) {
  startIntervention(id: $id, expectedVersion: $expectedVersion) {
    ...FieldJob
  }
}
    fragment FieldJob on Intervention {
  id
  number
  title
  description
  type
  priority
  status
  version
  scheduledStart
  scheduledEnd
  cancelledAt
  cancelReason
  customer {
    id
    name
    phone
  }
  site {
    id
    name
    accessNotes
    address {
      line1
      line2
      postalCode
      city
    }
  }
  equipment {
    id
    name
    brand
    model
    serialNumber
    history(first: 5) {
      at
      kind
      summary
    }
  }
  contract {
    id
    reference
    title
    status
    endsOn
    sla {
      priority
      responseHours
    }
    rateCard {
      travelPricing
      travelZones {
        code
        label
      }
    }
  }
  technicians {
    id
    fullName
  }
  report {
    travelCount
    travelZone
    observations
    customerReservations
    signerName
    signatureDataUrl
    labour {
      workDate
      hours
      labourType
      technician {
        id
      }
    }
    parts {
      quantity
      serialNumber
      item {
        id
        code
        label
        unit
        trackedBySerial
      }
    }
    photos {
      caption
      url
    }
  }
}`, {"hash":"sha256:4f47520485b20ace2b9265023587fbbdcb3eb79adca2b615b5ce775952ca3040"}) as unknown as TypedDocumentString<FieldStartMutation, FieldStartMutationVariables>;
export const FieldRecordReportDocument = new TypedDocumentString(`
    mutation FieldRecordReport($id: ID!, $report: InterventionReportInput!, $expectedVersion: Int!) {
  recordInterventionReport(
    id: $id
    report: $report
    expectedVersion: $expectedVersion
  ) {
    ...FieldJob
  }
}
    fragment FieldJob on Intervention {
  id
  number
  title
  description
  type
  priority
  status
  version
  scheduledStart
  scheduledEnd
  cancelledAt
  cancelReason
  customer {
    id
    name
    phone
  }
  site {
    id
    name
    accessNotes
    address {
      line1
      line2
      postalCode
      city
    }
  }
  equipment {
    id
    name
    brand
    model
    serialNumber
    history(first: 5) {
      at
      kind
      summary
    }
  }
  contract {
    id
    reference
    title
    status
    endsOn
    sla {
      priority
      responseHours
    }
    rateCard {
      travelPricing
      travelZones {
        code
        label
      }
    }
  }
  technicians {
    id
    fullName
  }
  report {
    travelCount
    travelZone
    observations
    customerReservations
    signerName
    signatureDataUrl
    labour {
      workDate
      hours
      labourType
      technician {
        id
      }
    }
    parts {
      quantity
      serialNumber
      item {
        id
        code
        label
        unit
        trackedBySerial
      }
    }
    photos {
      caption
      url
    }
  }
}`, {"hash":"sha256:5e68035542e1d4c0ecb2b6bf8a0e37c9e2b0b66ca0a7bc2b0eb81938c62ae07b"}) as unknown as TypedDocumentString<FieldRecordReportMutation, FieldRecordReportMutationVariables>;
export const FieldCompleteDocument = new TypedDocumentString(`
    mutation FieldComplete($id: ID!, $expectedVersion: Int!) {
  completeIntervention(id: $id, expectedVersion: $expectedVersion) {
    ...FieldJob
  }
}
    fragment FieldJob on Intervention {
  id
  number
  title
  description
  type
  priority
  status
  version
  scheduledStart
  scheduledEnd
  cancelledAt
  cancelReason
  customer {
    id
    name
    phone
  }
  site {
    id
    name
    accessNotes
    address {
      line1
      line2
      postalCode
      city
    }
  }
  equipment {
    id
    name
    brand
    model
    serialNumber
    history(first: 5) {
      at
      kind
      summary
    }
  }
  contract {
    id
    reference
    title
    status
    endsOn
    sla {
      priority
      responseHours
    }
    rateCard {
      travelPricing
      travelZones {
        code
        label
      }
    }
  }
  technicians {
    id
    fullName
  }
  report {
    travelCount
    travelZone
    observations
    customerReservations
    signerName
    signatureDataUrl
    labour {
      workDate
      hours
      labourType
      technician {
        id
      }
    }
    parts {
      quantity
      serialNumber
      item {
        id
        code
        label
        unit
        trackedBySerial
      }
    }
    photos {
      caption
      url
    }
  }
}`, {"hash":"sha256:e5924c885b83f28bd8417d66244546e73be339ff7c404198b18933ecade30434"}) as unknown as TypedDocumentString<FieldCompleteMutation, FieldCompleteMutationVariables>;