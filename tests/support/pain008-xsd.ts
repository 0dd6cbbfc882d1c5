import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Validates a pain.008.001.08 file against the ISO 20022 XSD vendored in the domain package, with
 * the validator the domain's own tests use (xmllint-wasm, a dev dependency of @relais/domain,
 * loaded from there so the test packages need no copy of it).
 */

const domainRoot = path.resolve(import.meta.dirname, '../../services/domain');
const XSD = readFileSync(path.join(domainRoot, 'src/finance/sepa/xsd/pain.008.001.08.xsd'), 'utf8');

interface XmlValidation {
  valid: boolean;
  errors: unknown[];
}
type ValidateXml = (options: {
  xml: { fileName: string; contents: string };
  schema: { fileName: string; contents: string };
}) => Promise<XmlValidation>;

const { validateXML } = createRequire(path.join(domainRoot, 'package.json'))('xmllint-wasm') as { validateXML: ValidateXml };

export function validatePain008(xml: string): Promise<XmlValidation> {
  return validateXML({ xml: { fileName: 'pain008.xml', contents: xml }, schema: { fileName: 'pain.008.001.08.xsd', contents: XSD } });
}
