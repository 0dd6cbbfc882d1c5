import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { selectsOnlyFileMutations } from './file-uploads';
import { DEFAULT_LIMITS } from './limits';
import { requestOperation } from './request-operation';
import { mayRunArbitraryDocuments, requestDocumentText, trustedDocumentsModeFromEnv } from './trusted-documents';

const IMPORT = 'sha256:1111111111111111111111111111111111111111111111111111111111111111';
const CREATE = 'sha256:2222222222222222222222222222222222222222222222222222222222222222';
const documents = new Map([
  [IMPORT, 'mutation Import($i: ImportBankStatementInput!) { importBankStatement(input: $i) { movementCount } }'],
  [CREATE, 'mutation Create($input: CreateCustomerInput!) { createCustomer(input: $input) { id name } }'],
]);
const post = (body: unknown) => ({ method: 'POST', body: Buffer.from(JSON.stringify(body)) }) as IncomingMessage & { body: Buffer };

describe('trusted documents', () => {
  it('reads TRUSTED_DOCUMENTS, allow when unset, and refuses an unknown mode at start-up', () => {
    expect(trustedDocumentsModeFromEnv({})).toBe('allow');
    expect(trustedDocumentsModeFromEnv({ TRUSTED_DOCUMENTS: 'require-for-sessions' })).toBe('require-for-sessions');
    expect(() => trustedDocumentsModeFromEnv({ TRUSTED_DOCUMENTS: 'strict' })).toThrow(/allow, require-for-sessions/);
  });

  it('lets only API keys send a text when sessions must send ids', () => {
    expect(mayRunArbitraryDocuments('allow', null)).toBe(true);
    expect(mayRunArbitraryDocuments('allow', 'Bearer eyJ.session')).toBe(true);
    expect(mayRunArbitraryDocuments('require-for-sessions', 'Bearer rk_live_abc')).toBe(true);
    expect(mayRunArbitraryDocuments('require-for-sessions', 'Bearer eyJ.session')).toBe(false);
    expect(mayRunArbitraryDocuments('require-for-sessions', null)).toBe(false);
  });

  it('finds the text of a request: its query, else the registered document it names', () => {
    expect(requestDocumentText({ query: '{ me { id } }', documentId: CREATE }, documents)).toBe('{ me { id } }');
    expect(requestDocumentText({ documentId: CREATE }, documents)).toBe(documents.get(CREATE));
    expect(requestDocumentText({ documentId: 'sha256:unknown' }, documents)).toBeUndefined();
    expect(requestDocumentText({ documentId: CREATE }, undefined)).toBeUndefined();
  });

  it('costs, kinds and hashes a document sent by id as the same document sent as text', () => {
    const variables = { input: { name: 'Dupont' } };
    const byId = requestOperation(post({ documentId: CREATE, operationName: 'Create', variables }), DEFAULT_LIMITS, documents);
    const byText = requestOperation(post({ query: documents.get(CREATE), operationName: 'Create', variables }), DEFAULT_LIMITS, documents);
    expect(byId).toEqual(byText);
    expect(byId.kind).toBe('mutation');
    expect(requestOperation(post({ documentId: 'sha256:unknown', variables }), DEFAULT_LIMITS, documents).kind).toBeNull();
    const get = { method: 'GET', url: `/graphql?documentId=${encodeURIComponent(CREATE)}` } as IncomingMessage;
    expect(requestOperation(get, DEFAULT_LIMITS, documents).kind).toBe('mutation');
  });

  it('recognises a file upload sent by id', () => {
    const limits = { maxTokens: 2000, maxAliases: 20 };
    expect(selectsOnlyFileMutations(Buffer.from(JSON.stringify({ documentId: IMPORT })), limits, documents)).toBe(true);
    expect(selectsOnlyFileMutations(Buffer.from(JSON.stringify({ documentId: CREATE })), limits, documents)).toBe(false);
    expect(selectsOnlyFileMutations(Buffer.from(JSON.stringify({ documentId: IMPORT })), limits)).toBe(false);
  });
});
