import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { Site } from '@relais/domain';
import { ConnectionType } from '@relais/subgraph-kit';
import { Address } from '../customers/customer.type';

@ObjectType('Site', { description: 'A customer site: where equipment is installed and technicians go.' })
@Directive('@key(fields: "id")')
export class SiteType {
  @Field(() => ID) id!: string;
  customerId!: string;
  @Field(() => String) name!: string;
  @Field(() => Address) address!: Address;
  @Field(() => String, { nullable: true }) accessNotes!: string | null;
}

export function toSiteType(site: Site): SiteType {
  return {
    id: site.id,
    customerId: site.customerId,
    name: site.name,
    address: { line1: site.addressLine1, line2: null, postalCode: site.postalCode, city: site.city, country: site.country },
    accessNotes: site.accessNotes ?? null,
  };
}

export const SiteConnection = ConnectionType(SiteType, 'Site');
