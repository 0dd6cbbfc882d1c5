import { useMutation, useQuery } from '@apollo/client/react';
import { AcceptInvitationDocument, InvitationEmailDocument } from '../gql/graphql';

/** The invitation a link names: the address it was sent to (when the API tells it) and its acceptance. */
export function useInvitation(token: string) {
  const { data, error } = useQuery(InvitationEmailDocument, { variables: { token }, skip: !token });
  const [accept, accepting] = useMutation(AcceptInvitationDocument);
  return {
    email: data?.invitationEmail ?? null,
    error: error ?? null,
    accepting: accepting.loading,
    accept: async (password: string) => {
      await accept({ variables: { token, password } });
    },
  };
}
