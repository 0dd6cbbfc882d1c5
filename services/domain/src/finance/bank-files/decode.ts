/**
 * Bank files come as UTF-8 (CAMT, recent OFX) or ISO-8859-1 / windows-1252 (CFONB, OFX 1 with
 * CHARSET:1252). Valid UTF-8 wins, whatever an OFX header claims: French banks' headers often say
 * 1252 for UTF-8 content, and real 1252 text with accents is (practically) never valid UTF-8.
 */
export function decodeBankFile(content: Buffer | Uint8Array | string): string {
  const text = typeof content === 'string' ? content : decodeBytes(content);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function decodeBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // windows-1252 is latin1 plus printable characters (€, œ, ’…) in 0x80-0x9F.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
