import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { checkDocumentSize, type QueryLimits } from './limits';
import { requestDocumentText } from './trusted-documents';

/**
 * The mutations whose input carries files, base64-encoded: a bank statement (10 MB at most, docs/
 * finance.md), an intervention report's photos (2 MB each) and signature, and the photos of a breakdown
 * reported on the customer portal (3 of 2 MB). They alone may send a body over the ordinary limit.
 */
export const FILE_MUTATIONS: ReadonlySet<string> = new Set(['importBankStatement', 'recordInterventionReport', 'portalReportBreakdown']);

/** 16 MB: a 10 MB bank statement once base64-encoded (13.4 MB) in its JSON. */
export const DEFAULT_MAX_UPLOAD_BYTES = 16 * 1024 * 1024;

/**
 * Whether a JSON request body is a mutation selecting only FILE_MUTATIONS, sent as text or as the id
 * of a registered document (trusted-documents.ts); anything unreadable is not.
 */
export function selectsOnlyFileMutations(
  body: Buffer,
  limits: Pick<QueryLimits, 'maxTokens' | 'maxAliases'>,
  trustedDocuments?: ReadonlyMap<string, string>,
): boolean {
  try {
    const params = JSON.parse(body.toString('utf8')) as { query?: unknown; operationName?: unknown; documentId?: unknown };
    if (typeof params !== 'object' || params === null || Array.isArray(params)) return false;
    const query = requestDocumentText(params, trustedDocuments);
    const { operationName } = params;
    if (query === undefined) return false;
    checkDocumentSize(query, limits);
    const operations = parse(query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const operation =
      typeof operationName === 'string'
        ? operations.find((o) => o.name?.value === operationName)
        : operations.length === 1
          ? operations[0]
          : undefined;
    return (
      operation?.operation === 'mutation' &&
      operation.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && FILE_MUTATIONS.has(selection.name.value))
    );
  } catch {
    return false;
  }
}
