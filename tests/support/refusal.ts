/** The error a call was refused with (a DomainError: code, message, details); fails the test when the call succeeds. */
export async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string; details: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; details: Record<string, unknown> };
  }
  throw new Error('expected the call to be refused');
}
