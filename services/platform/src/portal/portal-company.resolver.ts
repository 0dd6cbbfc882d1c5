import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { portalBranding } from '@relais/domain';
import { PortalCompanyType, type RequestContext } from '@relais/subgraph-kit';

/** The portal's sign-in page, before anyone signs in (docs/portal.md). */
@Resolver()
export class PortalCompanyResolver {
  @Query(() => PortalCompanyType, {
    nullable: true,
    description: 'Anonymous. The company whose portal this slug opens: name, logo, colour; null for an unknown slug.',
  })
  async portalCompany(@Ctx() ctx: RequestContext, @Arg('tenant', () => String) tenant: string) {
    return portalBranding(ctx.orm.em, tenant.trim());
  }
}
