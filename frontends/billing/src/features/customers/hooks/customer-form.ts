import type { Path } from 'react-hook-form';
import type { ContactRole, CreateCustomerInput, PaymentTermsKind, UpdateCustomerInput } from '../../../gql/graphql';
import type { CustomerRecord } from './use-customer';

/** The customer record as typed: numbers as text, every optional field as an empty string. */
export interface CustomerFormValues {
  isConsumer: boolean;
  name: string;
  siren: string;
  siret: string;
  vatNumber: string;
  email: string;
  phone: string;
  billingAddressLine1: string;
  billingAddressLine2: string;
  billingPostalCode: string;
  billingCity: string;
  billingCountry: string;
  paymentTermsDays: string;
  paymentTermsKind: PaymentTermsKind;
  notes: string;
}

export const paymentTermsKinds: readonly PaymentTermsKind[] = ['NET', 'END_OF_MONTH'];

export function newCustomerValues(): CustomerFormValues {
  return {
    isConsumer: false,
    name: '',
    siren: '',
    siret: '',
    vatNumber: '',
    email: '',
    phone: '',
    billingAddressLine1: '',
    billingAddressLine2: '',
    billingPostalCode: '',
    billingCity: '',
    billingCountry: 'FR',
    paymentTermsDays: '30',
    paymentTermsKind: 'NET',
    notes: '',
  };
}

export function customerValuesFrom(customer: CustomerRecord): CustomerFormValues {
  return {
    isConsumer: customer.isConsumer,
    name: customer.name,
    siren: customer.siren ?? '',
    siret: customer.siret ?? '',
    vatNumber: customer.vatNumber ?? '',
    email: customer.email ?? '',
    phone: customer.phone ?? '',
    billingAddressLine1: customer.billingAddress.line1,
    billingAddressLine2: customer.billingAddress.line2 ?? '',
    billingPostalCode: customer.billingAddress.postalCode,
    billingCity: customer.billingAddress.city,
    billingCountry: customer.billingAddress.country,
    paymentTermsDays: String(customer.paymentTermsDays),
    paymentTermsKind: customer.paymentTermsKind,
    notes: customer.notes ?? '',
  };
}

const optional = (typed: string): string | null => typed.trim() || null;

/** Payment terms are whole days: checked in the form before the server is asked. */
export const isWholeDays = (typed: string): boolean => /^\d{1,3}$/.test(typed.trim());

/**
 * The record for createCustomer / updateCustomer: a consumer sends no company identifiers (they
 * stay in the form, hidden, should the user switch back).
 */
export function customerInput(values: CustomerFormValues): CreateCustomerInput & UpdateCustomerInput {
  return {
    isConsumer: values.isConsumer,
    name: values.name.trim(),
    siren: values.isConsumer ? null : optional(values.siren),
    siret: values.isConsumer ? null : optional(values.siret),
    vatNumber: values.isConsumer ? null : optional(values.vatNumber),
    email: optional(values.email),
    phone: optional(values.phone),
    billingAddressLine1: values.billingAddressLine1.trim(),
    billingAddressLine2: optional(values.billingAddressLine2),
    billingPostalCode: values.billingPostalCode.trim(),
    billingCity: values.billingCity.trim(),
    billingCountry: values.billingCountry.trim().toUpperCase() || 'FR',
    paymentTermsDays: Number(values.paymentTermsDays.trim()),
    paymentTermsKind: values.paymentTermsKind,
    notes: optional(values.notes),
  };
}

const customerFields = new Set<string>(Object.keys(newCustomerValues()));

/** The input showing a field createCustomer / updateCustomer refused, if the form has one. */
export function customerFormPath(field: string): Path<CustomerFormValues> | null {
  return customerFields.has(field) ? (field as Path<CustomerFormValues>) : null;
}

/** A contact as typed, with its roles as check boxes. */
export interface ContactFormValues {
  fullName: string;
  jobTitle: string;
  email: string;
  phone: string;
  roles: ContactRole[];
}

export const contactRoles: readonly ContactRole[] = ['BILLING', 'SITE', 'SIGNATORY'];

export function contactValuesFrom(
  contact: {
    fullName: string;
    jobTitle?: string | null;
    email?: string | null;
    phone?: string | null;
    roles: readonly ContactRole[];
  } | null,
): ContactFormValues {
  return {
    fullName: contact?.fullName ?? '',
    jobTitle: contact?.jobTitle ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    roles: [...(contact?.roles ?? [])],
  };
}

export function contactInput(values: ContactFormValues) {
  return {
    fullName: values.fullName.trim(),
    jobTitle: optional(values.jobTitle),
    email: optional(values.email),
    phone: optional(values.phone),
    roles: contactRoles.filter((role) => values.roles.includes(role)),
  };
}

export function contactFormPath(field: string): Path<ContactFormValues> | null {
  return ['fullName', 'jobTitle', 'email', 'phone', 'roles'].includes(field) ? (field as Path<ContactFormValues>) : null;
}
