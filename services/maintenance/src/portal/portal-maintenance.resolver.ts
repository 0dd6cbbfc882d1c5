import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  VISIT_REPORT_LINK_KEY_PURPOSE,
  portalEquipment,
  portalRequests,
  portalSites,
  portalVisitsByEquipmentIds,
  reportBreakdown,
  signVisitReportLink,
  visitReportPath,
  type PortalVisitRow,
} from '@relais/domain';
import { em, groupLoaderFor, identityOf, type RequestContext } from '@relais/subgraph-kit';
import {
  PortalBreakdownInput,
  PortalEquipmentType,
  PortalRequestType,
  PortalSiteType,
  PortalVisitType,
  toPortalEquipmentType,
  toPortalRequestType,
  toPortalSiteType,
  toPortalVisitType,
} from './portal-maintenance.type';

/** The visits of every piece of equipment asked for in one request: one statement. */
const visitsLoader = (ctx: RequestContext) =>
  groupLoaderFor<PortalVisitRow>(
    ctx,
    'portalVisitsByEquipment',
    (scope, ids) => portalVisitsByEquipmentIds(scope, identityOf(ctx), ids),
    (v) => v.equipmentId,
  );

/** The signed visit report's download link: relative to the API origin, valid 15 minutes. */
export async function visitReportUrl(ctx: RequestContext, intervention: { id: string; number: string }): Promise<string> {
  const token = await signVisitReportLink(intervention.id, identityOf(ctx), ctx.deriveKey(VISIT_REPORT_LINK_KEY_PURPOSE));
  return visitReportPath(intervention, token);
}

/** The customer portal's sites, equipment, visits and breakdown requests (docs/portal.md), for the caller's customer only. */
@Resolver()
export class PortalMaintenanceResolver {
  @Authorized('portal')
  @Query(() => [PortalSiteType], { description: 'The caller’s sites and their equipment.' })
  async portalSites(@Ctx() ctx: RequestContext) {
    return (await portalSites(em(ctx), identityOf(ctx))).map(toPortalSiteType);
  }

  @Authorized('portal')
  @Query(() => PortalEquipmentType, { nullable: true, description: 'Null for an unknown id or another customer’s equipment.' })
  async portalEquipment(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const equipment = await portalEquipment(em(ctx), identityOf(ctx), id);
    return equipment ? toPortalEquipmentType(equipment) : null;
  }

  @Authorized('portal')
  @Query(() => [PortalRequestType], { description: 'The breakdowns the caller’s customer reported on the portal, newest first.' })
  async portalRequests(@Ctx() ctx: RequestContext) {
    return (await portalRequests(em(ctx), identityOf(ctx))).map(toPortalRequestType);
  }

  @Authorized('portal')
  @Mutation(() => PortalRequestType, {
    description:
      'Reports a breakdown: an intervention request the planner sees in « À planifier ». NOT_FOUND for another customer’s equipment or site.',
  })
  async portalReportBreakdown(@Ctx() ctx: RequestContext, @Arg('input', () => PortalBreakdownInput) input: PortalBreakdownInput) {
    return toPortalRequestType(await reportBreakdown(em(ctx), identityOf(ctx), input));
  }
}

@Resolver(() => PortalEquipmentType)
export class PortalEquipmentResolver {
  @FieldResolver(() => [PortalVisitType], { description: 'Newest first.' })
  async visits(@Root() equipment: PortalEquipmentType, @Ctx() ctx: RequestContext) {
    return (await visitsLoader(ctx).load(equipment.id)).map(toPortalVisitType);
  }
}

@Resolver(() => PortalVisitType)
export class PortalVisitResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'The signed visit report (PDF) once done: a relative link, valid 15 minutes.',
  })
  reportPdfUrl(@Root() visit: PortalVisitType, @Ctx() ctx: RequestContext): Promise<string | null> {
    return visit.hasReport ? visitReportUrl(ctx, { id: visit.id, number: visit.reference }) : Promise.resolve(null);
  }
}
