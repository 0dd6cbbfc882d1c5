import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Errors, invitePortalContact, portalViewer, requestPortalSignInLink, signInWithPortalLink } from '@relais/domain';
import { em, identityOf, requireAnyPermission, type RequestContext } from '@relais/subgraph-kit';
import { PortalSessionType, PortalViewerType } from './portal-access.type';

/** Checked at start-up (`requiredEnv` in index.ts): portal sessions are signed like the back-office's. */
const sessionSecret = () => process.env.SESSION_SECRET as string;

/** Sign-in to the customer portal by a one-time link sent by mail (docs/portal.md, "Who signs in"). */
@Resolver()
export class PortalAccessResolver {
  @Mutation(() => Boolean, {
    description:
      'Anonymous. Mails a sign-in link to each contact of the tenant (by slug) with this e-mail; always true, so nobody learns who is a contact. RATE_LIMITED per e-mail and per client address.',
  })
  async requestPortalSignInLink(
    @Ctx() ctx: RequestContext,
    @Arg('tenant', () => String) tenant: string,
    @Arg('email', () => String) email: string,
  ) {
    await requestPortalSignInLink(ctx.orm, { tenant, email }, { requestId: ctx.requestId, operation: 'requestPortalSignInLink' });
    return true;
  }

  @Mutation(() => PortalSessionType, {
    description: 'Anonymous. Consumes a sign-in link’s token; PORTAL_LINK_INVALID when used, expired or unknown.',
  })
  async signInWithPortalLink(@Ctx() ctx: RequestContext, @Arg('token', () => String) token: string) {
    return signInWithPortalLink(ctx.orm, token, ctx.requestId, sessionSecret());
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description:
      'Mails the contact a sign-in link to the portal (maintenance:write or billing:write). CONTACT_EMAIL_MISSING without an e-mail.',
  })
  async invitePortalContact(@Ctx() ctx: RequestContext, @Arg('contactId', () => ID) contactId: string) {
    requireAnyPermission(ctx, ['maintenance:write', 'billing:write']);
    await invitePortalContact(em(ctx), identityOf(ctx), contactId);
    return true;
  }

  @Authorized('portal')
  @Query(() => PortalViewerType, { description: 'The signed-in contact, their customer and the company (portal only).' })
  async portalViewer(@Ctx() ctx: RequestContext) {
    const identity = identityOf(ctx);
    if (identity.kind !== 'customer') throw Errors.forbidden();
    return portalViewer(em(ctx), identity);
  }
}
