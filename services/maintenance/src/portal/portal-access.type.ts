import { Field, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { PortalCompanyType } from '@relais/subgraph-kit';

@ObjectType('PortalSession', { description: 'A portal session: send `token` as `Authorization: Bearer <token>` until `expiresAt`.' })
export class PortalSessionType {
  @Field(() => String) token!: string;
  @Field(() => DateTimeResolver) expiresAt!: Date;
}

@ObjectType('PortalViewer', { description: 'The customer’s contact signed in to the portal.' })
export class PortalViewerType {
  @Field(() => String) contactName!: string;
  @Field(() => String) email!: string;
  @Field(() => String) customerName!: string;
  @Field(() => PortalCompanyType) company!: PortalCompanyType;
}
