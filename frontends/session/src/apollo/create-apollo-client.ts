import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { relayStylePagination } from '@apollo/client/utilities';
import { sessionStore } from '../session-store';
import { endsSession } from './graphql-error-codes';
import { trustedDocumentsFetch, trustedDocumentsLink } from './trusted-documents';

const authLink = new SetContextLink(({ headers }) => {
  const token = sessionStore.get()?.token;
  return { headers: token ? { ...headers, authorization: `Bearer ${token}` } : headers };
});

/** An expired or rejected token sends the user back to the login page. */
const sessionEndLink = new ErrorLink(({ error, operation }) => {
  if (!endsSession(error)) return;
  sessionStore.signOut();
  void operation.client.clearStore();
});

const cache = () =>
  new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          customers: relayStylePagination(['search']),
          sites: relayStylePagination(['search', 'customerId']),
          interventions: relayStylePagination(['filter', 'sort']),
          equipments: relayStylePagination(['search', 'customerId', 'siteId']),
          contracts: relayStylePagination(['search', 'customerId']),
          invoices: relayStylePagination(['search', 'customerId', 'status']),
          creditNotes: relayStylePagination(['search', 'customerId', 'status']),
          payments: relayStylePagination(['search', 'customerId', 'receivedFrom', 'receivedTo', 'unallocatedOnly']),
          profitability: relayStylePagination(['groupBy', 'from', 'to', 'orderBy', 'descending']),
          journalEntries: relayStylePagination(['journal', 'from', 'to', 'account', 'customerId', 'documentId']),
          webhookDeliveries: relayStylePagination(['endpointId']),
        },
      },
    },
  });

/** The page's GraphQL client; it talks to the same-origin `/graphql` unless told otherwise, sending documents by id. */
export function createApolloClient(uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([sessionEndLink, authLink, trustedDocumentsLink, new HttpLink({ uri, fetch: trustedDocumentsFetch })]),
    cache: cache(),
  });
}
