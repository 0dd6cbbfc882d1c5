import { createContext, useContext, useEffect, useMemo, useState, type MouseEvent, type ReactNode } from 'react';
import { parsePortalPath, portalBase, portalPath, type PortalRoute } from './routes';

type Target = Exclude<PortalRoute, { name: 'notFound' }>;

interface Router {
  slug: string;
  route: PortalRoute;
  /** The path of a screen of this tenant's portal. */
  pathOf(target: Target): string;
  navigate(target: Target, options?: { replace?: boolean }): void;
}

/** Outside a tenant's portal (an address without a slug) there is nowhere to go: links lead to /portail/. */
const outsidePortal: Router = { slug: '', route: { name: 'notFound' }, pathOf: () => portalBase, navigate: () => undefined };

const RouterContext = createContext<Router>(outsidePortal);

/** The path and query of the address, followed as it changes. */
function useAddress(): string {
  const [address, setAddress] = useState(() => location.pathname + location.search);
  useEffect(() => {
    const onChange = () => setAddress(location.pathname + location.search);
    window.addEventListener('popstate', onChange);
    return () => window.removeEventListener('popstate', onChange);
  }, []);
  return address;
}

/**
 * The portal's few screens need no router library: the History API, the path read on each change,
 * and the screen's top of page after a move.
 */
export function PortalRouter({ children }: { children: (slug: string | null, route: PortalRoute) => ReactNode }) {
  const address = useAddress();
  const { slug, route } = useMemo(() => {
    const url = new URL(address, location.origin);
    return parsePortalPath(url.pathname, url.search);
  }, [address]);
  // Stable per tenant, so that callbacks built on them do not change with each move.
  const moves = useMemo(
    () =>
      slug
        ? {
            pathOf: (target: Target) => portalPath(slug, target),
            navigate: (target: Target, options: { replace?: boolean } = {}) => {
              const path = portalPath(slug, target);
              if (options.replace) history.replaceState(null, '', path);
              else history.pushState(null, '', path);
              window.dispatchEvent(new PopStateEvent('popstate'));
              window.scrollTo(0, 0);
            },
          }
        : null,
    [slug],
  );
  const router = useMemo<Router>(() => (slug && moves ? { slug, route, ...moves } : outsidePortal), [slug, route, moves]);
  return <RouterContext.Provider value={router}>{children(slug, route)}</RouterContext.Provider>;
}

export const useRouter = (): Router => useContext(RouterContext);

/** Props for an <a> (or Mantine's `component="a"`) that moves within the portal without reloading. */
export function useLinkProps(target: Target): { href: string; onClick: (event: MouseEvent<HTMLElement>) => void } {
  const router = useRouter();
  return {
    href: router.pathOf(target),
    onClick: (event) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      router.navigate(target);
    },
  };
}
