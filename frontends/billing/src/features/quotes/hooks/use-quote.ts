import { useMutation, useQuery } from '@apollo/client/react';
import {
  AcceptQuoteDocument,
  BillableQuotesDocument,
  CancelQuoteDocument,
  ConvertQuoteToInvoiceDocument,
  CreateQuoteDocument,
  QuoteDetailDocument,
  QuoteSendPreviewDocument,
  RefuseQuoteDocument,
  SendQuoteDocument,
  UpdateQuoteDocument,
  type AcceptQuoteInput,
  type ConvertQuoteInput,
  type CreateQuoteInput,
  type QuoteDetailFragment,
  type SendQuoteInput,
  type UpdateQuoteInput,
} from '../../../gql/graphql';

export type QuoteDetail = QuoteDetailFragment;

const listQueries = ['QuoteList', 'BillableQuotes'];

/** A quote, read afresh each time it is opened. */
export function useQuote(id: string) {
  const { data, error, loading, refetch } = useQuery(QuoteDetailDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  return { quote: data?.quote ?? null, loading: loading && !data, error, reload: () => refetch() };
}

/** What sending the quote would mail (recipients, text, PDF) and whether its validity must be extended, read afresh each time. */
export function useQuoteSendPreview(quoteId: string) {
  const { data, error, refetch } = useQuery(QuoteSendPreviewDocument, { variables: { id: quoteId }, fetchPolicy: 'network-only' });
  return { preview: data?.quoteSendPreview ?? null, error, retry: () => void refetch() };
}

/** Accepted quotes with something left to bill, for "À facturer". */
export function useBillableQuotes() {
  const { data, error, refetch } = useQuery(BillableQuotesDocument, { fetchPolicy: 'cache-and-network' });
  return { quotes: data?.billableQuotes ?? [], loading: !data && !error, error, retry: () => void refetch() };
}

/** A draft quote; resolves to its id. */
export function useCreateQuote() {
  const [create, { loading }] = useMutation(CreateQuoteDocument, { refetchQueries: ['QuoteList'] });
  return {
    busy: loading,
    create: async (input: CreateQuoteInput) => (await create({ variables: { input } })).data?.createQuote.id,
  };
}

/**
 * The actions on a quote, each at the version the clerk read (STALE_VERSION when someone saved it
 * meanwhile); each resolves to the quote's new state.
 */
export function useQuoteActions(quote: QuoteDetail) {
  const [update, updateState] = useMutation(UpdateQuoteDocument, { refetchQueries: ['QuoteList'] });
  const [send, sendState] = useMutation(SendQuoteDocument, { refetchQueries: ['QuoteList'] });
  const [accept, acceptState] = useMutation(AcceptQuoteDocument, { refetchQueries: listQueries });
  const [refuse, refuseState] = useMutation(RefuseQuoteDocument, { refetchQueries: ['QuoteList'] });
  const [cancel, cancelState] = useMutation(CancelQuoteDocument, { refetchQueries: ['QuoteList'] });
  const [convert, convertState] = useMutation(ConvertQuoteToInvoiceDocument, {
    refetchQueries: [...listQueries, 'QuoteDetail', 'InvoiceList'],
  });
  const variables = { id: quote.id, expectedVersion: quote.version };

  const save = async (input: UpdateQuoteInput) => (await update({ variables: { ...variables, input } })).data!.updateQuote;
  return {
    busy: [updateState, sendState, acceptState, refuseState, cancelState, convertState].some((state) => state.loading),
    save,
    /** Saves the pending edits, if any, then sends what was saved with the mail as typed. */
    saveAndSend: async (input: UpdateQuoteInput | null, mail: SendQuoteInput) => {
      const version = input ? (await save(input)).version : quote.version;
      return (await send({ variables: { id: quote.id, expectedVersion: version, input: mail } })).data!.sendQuote;
    },
    accept: async (input: AcceptQuoteInput) => (await accept({ variables: { ...variables, input } })).data!.acceptQuote,
    refuse: async (reason: string) => (await refuse({ variables: { ...variables, reason: reason.trim() || null } })).data!.refuseQuote,
    cancel: async () => (await cancel({ variables })).data!.cancelQuote,
    /** A draft invoice made from the accepted quote; resolves to its id. */
    convert: async (input: ConvertQuoteInput) =>
      (await convert({ variables: { quoteId: quote.id, input } })).data!.convertQuoteToInvoice.id,
  };
}
