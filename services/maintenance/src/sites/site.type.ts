import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { reducedVatApplies, type SiteRow } from '@relais/domain';
import { ConnectionType, LocalDateScalar } from '@relais/subgraph-kit';
import { Address } from '../customers/customer.type';

@ObjectType('Site', { description: 'A customer site: where equipment is installed and technicians go.', simpleResolvers: true })
@Directive('@key(fields: "id")')
export class SiteType {
  @Field(() => ID) id!: string;
  customerId!: string;
  @Field(() => String) name!: string;
  @Field(() => Address) address!: Address;
  @Field(() => String, { nullable: true }) accessNotes!: string | null;
  @Field(() => Boolean, { description: 'A dwelling completed more than two years ago (local d’habitation de plus de deux ans).' })
  dwellingOverTwoYears!: boolean;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'When the customer signed the reduced-VAT attestation (CGI art. 279-0 bis).',
  })
  reducedVatAttestedOn!: string | null;
  @Field(() => Boolean, { description: 'Works here are invoiced at 10 % instead of 20 % (dwelling over two years, attested).' })
  reducedVat!: boolean;
  @Field(() => Int, { description: 'Optimistic concurrency: pass it back as expectedVersion when updating.' }) version!: number;
}

export function toSiteType(site: SiteRow): SiteType {
  return {
    id: site.id,
    customerId: site.customerId,
    name: site.name,
    address: { line1: site.addressLine1, line2: null, postalCode: site.postalCode, city: site.city, country: site.country },
    accessNotes: site.accessNotes ?? null,
    dwellingOverTwoYears: site.dwellingOverTwoYears,
    reducedVatAttestedOn: site.reducedVatAttestedOn ?? null,
    reducedVat: reducedVatApplies(site),
    version: site.version,
  };
}

export const SiteConnection = ConnectionType(SiteType, 'Site');
