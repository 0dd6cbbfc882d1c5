import { useMutation } from '@apollo/client/react';
import {
  AddCustomerContactDocument,
  CreateCustomerDocument,
  CreateSiteDocument,
  InvitePortalContactDocument,
  RemoveCustomerContactDocument,
  UpdateCustomerContactDocument,
  UpdateCustomerDocument,
  UpdateSiteDocument,
  type ContactInput,
  type CreateCustomerInput,
  type CreateSiteInput,
  type UpdateCustomerInput,
} from '../../../gql/graphql';

/** After any change to the file: the record and its history are read again. */
const fileQueries = ['CustomerDetail', 'CustomerHistory'];

export function useCreateCustomer() {
  const [create, { loading }] = useMutation(CreateCustomerDocument, { refetchQueries: ['CustomerList', 'CustomerOptions'] });
  return { busy: loading, create: async (input: CreateCustomerInput) => (await create({ variables: { input } })).data?.createCustomer };
}

export function useUpdateCustomer(id: string) {
  const [update, { loading }] = useMutation(UpdateCustomerDocument, { refetchQueries: fileQueries });
  return {
    busy: loading,
    update: async (input: UpdateCustomerInput, expectedVersion: number) =>
      (await update({ variables: { id, input, expectedVersion } })).data?.updateCustomer,
  };
}

export function useSaveContact(customerId: string) {
  const options = { refetchQueries: fileQueries, awaitRefetchQueries: true };
  const [add, adding] = useMutation(AddCustomerContactDocument, options);
  const [update, updating] = useMutation(UpdateCustomerContactDocument, options);
  return {
    busy: adding.loading || updating.loading,
    /** A new contact when `existing` is null, else its new fields from the version loaded. */
    save: async (input: ContactInput, existing: { id: string; version: number } | null) =>
      existing
        ? (await update({ variables: { id: existing.id, input, expectedVersion: existing.version } })).data?.updateCustomerContact
        : (await add({ variables: { customerId, input } })).data?.addCustomerContact,
  };
}

export function useRemoveContact() {
  const [remove, { loading }] = useMutation(RemoveCustomerContactDocument, { refetchQueries: fileQueries, awaitRefetchQueries: true });
  return {
    busy: loading,
    remove: async (contact: { id: string; version: number }) =>
      (await remove({ variables: { id: contact.id, expectedVersion: contact.version } })).data?.removeCustomerContact,
  };
}

/** Mails the contact a sign-in link to the customer portal (docs/portal.md). */
export function useInvitePortalContact() {
  const [invite, { loading }] = useMutation(InvitePortalContactDocument);
  return { busy: loading, invite: async (contactId: string) => (await invite({ variables: { contactId } })).data?.invitePortalContact };
}

export function useSaveSite(customerId: string) {
  const options = { refetchQueries: fileQueries, awaitRefetchQueries: true };
  const [create, creating] = useMutation(CreateSiteDocument, options);
  const [update, updating] = useMutation(UpdateSiteDocument, options);
  return {
    busy: creating.loading || updating.loading,
    save: async (input: Omit<CreateSiteInput, 'customerId'>, existing: { id: string; version: number } | null) =>
      existing
        ? (await update({ variables: { id: existing.id, input, expectedVersion: existing.version } })).data?.updateSite
        : (await create({ variables: { input: { ...input, customerId } } })).data?.createSite,
  };
}
