import { useMutation, useQuery } from '@apollo/client/react';
import {
  AdminUsersDocument,
  ChangeUserRoleDocument,
  InviteUserDocument,
  SetUserActiveDocument,
  type InviteUserInput,
  type Role,
} from '../../gql/graphql';

export function useUsers() {
  const { data, loading, error, refetch } = useQuery(AdminUsersDocument, { fetchPolicy: 'cache-and-network' });
  return { users: data?.users ?? [], loading: loading && !data, error, retry: () => void refetch() };
}

export function useUserActions() {
  const [invite, inviting] = useMutation(InviteUserDocument, { refetchQueries: ['AdminUsers'] });
  const [changeRole] = useMutation(ChangeUserRoleDocument);
  const [setActive, activating] = useMutation(SetUserActiveDocument);
  return {
    inviting: inviting.loading,
    activating: activating.loading,
    invite: async (input: InviteUserInput) => (await invite({ variables: { input } })).data?.inviteUser,
    changeRole: async (id: string, role: Role) => (await changeRole({ variables: { id, role } })).data?.changeUserRole,
    setActive: async (id: string, active: boolean) => (await setActive({ variables: { id, active } })).data?.setUserActive,
  };
}
