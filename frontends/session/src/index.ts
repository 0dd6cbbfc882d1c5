import './i18n/register';

export { sessionStore } from './session-store';
export type { Session, SessionUser } from './session-store';
export { useSession, useSignOut } from './use-session';
export { sessionNamespace } from './i18n/register';
export { RequireSession } from './RequireSession';
export { BackOfficeProviders } from './BackOfficeProviders';
export { StandaloneApp } from './StandaloneApp';
export { loadMoreControls, type LoadMoreControls } from './apollo/load-more';
export { graphQLErrorCodes } from './apollo/graphql-error-codes';
export { graphQLFieldErrors, formPathOf, type GraphQLFieldError } from './apollo/graphql-field-errors';
export { useFormAction, fieldErrorOf } from './forms/use-form-action';
export { FieldProblemsAlert } from './forms/FieldProblemsAlert';
export { useAction } from './forms/use-action';
export { errorMessage } from './forms/error-message';
export { ActionError } from './forms/ActionError';
export { FormActionError } from './forms/FormActionError';
export { ConfirmModal } from './forms/ConfirmModal';
