/** The fields of a send dialog (invoice or quote), as typed. */
export interface SendValues {
  to: string;
  cc: string;
  subject: string;
  body: string;
}

/** "a@x.fr, b@y.fr; c@z.fr" → the addresses typed, in order. */
export function addressList(typed: string): string[] {
  return typed
    .split(/[,;\s]+/)
    .map((address) => address.trim())
    .filter(Boolean);
}

/** The dialog's fields from the server's preview of the mail. */
export const sendValuesOf = (preview: { to: readonly string[]; cc: readonly string[]; subject: string; body: string }): SendValues => ({
  to: preview.to.join(', '),
  cc: preview.cc.join(', '),
  subject: preview.subject,
  body: preview.body,
});

/** What the server is asked to send, from the fields typed. */
export const sendInputOf = (typed: SendValues) => ({
  to: addressList(typed.to),
  cc: addressList(typed.cc),
  subject: typed.subject,
  body: typed.body,
});

/** The dialog's field a refused path names ("to.1", the second address, is put on "to"). */
export const sendFieldOf = (path: string): keyof SendValues | null =>
  (['to', 'cc', 'subject', 'body'] as const).find((field) => field === path.split('.')[0]) ?? null;
