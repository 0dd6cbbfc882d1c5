import { useMutation } from '@apollo/client/react';
import {
  CreateInvoiceDocument,
  DeleteInvoiceDraftDocument,
  IssueInvoiceDocument,
  UpdateInvoiceDraftDocument,
  type UpdateInvoiceDraftInput,
} from '../../../gql/graphql';
import type { InvoiceDetail } from './use-invoice';

const listQueries = ['InvoiceList', 'CreditNoteList'];

/** A manual draft for a customer; resolves to its id. */
export function useCreateInvoice() {
  const [create, { loading }] = useMutation(CreateInvoiceDocument, { refetchQueries: listQueries });
  return {
    busy: loading,
    create: async (customerId: string, input: UpdateInvoiceDraftInput) => {
      const { data } = await create({ variables: { input: { ...input, customerId, lines: input.lines ?? [] } } });
      return data?.createInvoice.id;
    },
  };
}

/**
 * Saving, deleting and issuing a draft, each at the version the clerk edited (STALE_VERSION when
 * someone saved it meanwhile). Each resolves to the draft's new state.
 */
export function useDraftActions(invoice: InvoiceDetail) {
  const [update, updateState] = useMutation(UpdateInvoiceDraftDocument);
  const [remove, removeState] = useMutation(DeleteInvoiceDraftDocument, { refetchQueries: [...listQueries, 'Billable'] });
  const [issue, issueState] = useMutation(IssueInvoiceDocument, { refetchQueries: listQueries });

  const save = async (input: UpdateInvoiceDraftInput) => {
    const { data } = await update({ variables: { id: invoice.id, expectedVersion: invoice.version, input } });
    return data!.updateInvoiceDraft;
  };
  return {
    busy: updateState.loading || removeState.loading || issueState.loading,
    save,
    /** Saves the pending edits, if any, then issues what was saved. */
    saveAndIssue: async (input: UpdateInvoiceDraftInput | null) => {
      const version = input ? (await save(input)).version : invoice.version;
      const { data } = await issue({ variables: { id: invoice.id, expectedVersion: version } });
      return data!.issueInvoice;
    },
    remove: () => remove({ variables: { id: invoice.id, expectedVersion: invoice.version } }),
  };
}
