import { ApolloProvider } from '@apollo/client/react';
import { UiProvider } from '@relais/ui';
import { useState, type ReactNode } from 'react';
import { createApolloClient } from './apollo/create-apollo-client';

/** Everything a back-office page needs above its routes: theme, translations, GraphQL client. */
export function BackOfficeProviders({ children }: { children: ReactNode }) {
  const [client] = useState(() => createApolloClient());
  return (
    <UiProvider>
      <ApolloProvider client={client}>{children}</ApolloProvider>
    </UiProvider>
  );
}
