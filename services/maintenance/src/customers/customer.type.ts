import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { ConnectionType } from '@relais/subgraph-kit';
import { contactRoles, type CustomerContact, type CustomerRow, type HistoryEntry } from '@relais/domain';

export enum PaymentTermsKind {
  NET = 'NET',
  END_OF_MONTH = 'END_OF_MONTH',
}
registerEnumType(PaymentTermsKind, {
  name: 'PaymentTermsKind',
  description: 'NET: due N days after the invoice date; END_OF_MONTH: N days, then end of that month.',
});

export enum ContactRoleEnum {
  BILLING = 'BILLING',
  SITE = 'SITE',
  SIGNATORY = 'SIGNATORY',
}
registerEnumType(ContactRoleEnum, {
  name: 'ContactRole',
  description:
    'BILLING: invoices and statements go to them (needs an e-mail); SITE: met or called on site; SIGNATORY: signs quotes and contracts.',
});

export enum HistorySubjectEnum {
  CUSTOMER = 'CUSTOMER',
  CONTACT = 'CONTACT',
  SITE = 'SITE',
  EQUIPMENT = 'EQUIPMENT',
}
registerEnumType(HistorySubjectEnum, { name: 'HistorySubject' });

export enum HistoryActionEnum {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  DELETED = 'DELETED',
}
registerEnumType(HistoryActionEnum, { name: 'HistoryAction' });

@ObjectType({ simpleResolvers: true })
export class Address {
  @Field(() => String) line1!: string;
  @Field(() => String, { nullable: true }) line2!: string | null;
  @Field(() => String) postalCode!: string;
  @Field(() => String) city!: string;
  @Field(() => String, { description: 'ISO 3166-1 alpha-2' }) country!: string;
}

@ObjectType()
export class Contact {
  @Field(() => ID) id!: string;
  @Field(() => String) fullName!: string;
  @Field(() => String, { nullable: true }) jobTitle!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => [ContactRoleEnum]) roles!: ContactRoleEnum[];
  @Field(() => Boolean, { description: 'True when roles include BILLING.' }) isBillingContact!: boolean;
  @Field(() => Int, { description: 'Optimistic concurrency: pass it back as expectedVersion when updating or removing.' })
  version!: number;
}

@ObjectType()
export class FieldChange {
  @Field(() => String, {
    description: 'The field as the API names it (billingPostalCode; a contact’s roles: isBillingContact, isSiteContact, isSignatory).',
  })
  field!: string;
  @Field(() => String, { nullable: true }) from!: string | null;
  @Field(() => String, { nullable: true }) to!: string | null;
}

@ObjectType({ description: 'One change to the customer, a contact, a site or an equipment, from the audit log.' })
export class CustomerHistoryEntry {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeResolver) at!: Date;
  @Field(() => String, { description: 'The user, the API key, or "Système".' }) actorName!: string;
  @Field(() => HistorySubjectEnum) subject!: HistorySubjectEnum;
  @Field(() => ID) subjectId!: string;
  @Field(() => String) subjectLabel!: string;
  @Field(() => HistoryActionEnum) action!: HistoryActionEnum;
  @Field(() => [FieldChange]) changes!: FieldChange[];
}

// simpleResolvers: plain properties read by graphql-js's default resolver, without type-graphql's wrapper around each field
// (a list page renders hundreds); the field resolvers below (sites, contacts, history) are unaffected.
@ObjectType('Customer', { description: 'A customer (client): one file shared by planning, billing and finance.', simpleResolvers: true })
@Directive('@key(fields: "id")')
export class CustomerType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Customer code, unique in the tenant (e.g. C00042).' }) code!: string;
  @Field(() => String, { description: 'Legal name (raison sociale).' }) name!: string;
  @Field(() => String, { nullable: true }) siren!: string | null;
  @Field(() => String, { nullable: true }) siret!: string | null;
  @Field(() => String, { nullable: true, description: 'Intra-community VAT number.' }) vatNumber!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => Boolean, {
    description: 'A private person (particulier): B2C invoices, consumer-law notices (L215-1), no fixed recovery indemnity.',
  })
  isConsumer!: boolean;
  @Field(() => Address) billingAddress!: Address;
  @Field(() => Int) paymentTermsDays!: number;
  @Field(() => PaymentTermsKind) paymentTermsKind!: PaymentTermsKind;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => Int, { description: 'Optimistic concurrency: pass it back as expectedVersion when updating.' })
  version!: number;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => DateTimeResolver) updatedAt!: Date;
}

export const CustomerConnection = ConnectionType(CustomerType, 'Customer');

export function toCustomerType(customer: CustomerRow): CustomerType {
  return {
    id: customer.id,
    code: customer.code,
    name: customer.name,
    siren: customer.siren ?? null,
    siret: customer.siret ?? null,
    vatNumber: customer.vatNumber ?? null,
    email: customer.email ?? null,
    phone: customer.phone ?? null,
    isConsumer: customer.isConsumer,
    billingAddress: {
      line1: customer.billingAddressLine1,
      line2: customer.billingAddressLine2 ?? null,
      postalCode: customer.billingPostalCode,
      city: customer.billingCity,
      country: customer.billingCountry,
    },
    paymentTermsDays: customer.paymentTermsDays,
    paymentTermsKind: customer.paymentTermsKind as PaymentTermsKind,
    notes: customer.notes ?? null,
    version: customer.version,
    createdAt: customer.createdAt,
    updatedAt: customer.updatedAt,
  };
}

export function toContact(contact: CustomerContact): Contact {
  return {
    id: contact.id,
    fullName: contact.fullName,
    jobTitle: contact.jobTitle ?? null,
    email: contact.email ?? null,
    phone: contact.phone ?? null,
    roles: contactRoles(contact) as ContactRoleEnum[],
    isBillingContact: contact.isBillingContact,
    version: contact.version,
  };
}

export function toHistoryEntry(entry: HistoryEntry): CustomerHistoryEntry {
  return { ...entry, subject: entry.subject as HistorySubjectEnum, action: entry.action as HistoryActionEnum };
}
