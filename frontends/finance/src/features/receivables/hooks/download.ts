/** Saves what the server produced as a file in the user's downloads, under the server's name. */
function saveFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the click's download has taken the blob, not before.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A text file as the API wrote it (a CSV keeps its byte order mark, so Excel reads it as UTF-8). */
export const saveTextFile = (fileName: string, text: string, type: string): void => saveFile(fileName, new Blob([text], { type }));

/** A binary file the API sent base64-encoded (a PDF). */
export function saveBase64File(fileName: string, base64: string, type: string): void {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  saveFile(fileName, new Blob([bytes], { type }));
}
