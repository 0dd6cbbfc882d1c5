import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * The company as the customer portal shows it (docs/portal.md): platform answers it before sign-in
 * (`portalCompany`), maintenance inside `portalViewer`; both read `portalBranding`, so it is shared.
 */
@ObjectType('PortalCompany', { description: 'The maintenance company as its customer portal shows it.' })
@Directive('@shareable')
export class PortalCompanyType {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: 'Its logo (a public address relative to the API’s origin); null without one.' })
  logoUrl!: string | null;
  @Field(() => String, { description: 'The portal’s colour, #rrggbb.' }) primaryColor!: string;
}
