// The route table: the public sign-in page, and every other page inside the signed-in shell.
// Routes compose features; features never import each other.
import { createBrowserRouter, redirect, type RouteObject } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { FullPageLoader } from '../components/FullPageLoader';
import { paths } from '../config/paths';
import { signInLoader } from './routes/sign-in-loader';
import { shellLoader } from './routes/shell-loader';
import { NotFound, RouteError } from './routes/route-error';
import { requireManager, requireStaff } from './routes/guards';
import { orderLinkLoader } from './routes/order-link';

export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      id: 'root',
      errorElement: <RouteError fullPage />,
      hydrateFallbackElement: <FullPageLoader />,
      children: [
        // Pages, the shell and the heavier loaders are lazy (route.lazy, per property, so a
        // loader and its page download in parallel): the first screen of any route fetches
        // only the entry and what that route needs (bench/bundle.ts measures it).
        {
          path: paths.signIn,
          loader: signInLoader,
          lazy: { Component: async () => (await import('./routes/sign-in')).SignInRoute },
        },
        // The customer's review/status link: public, no shell, no staff data (its own chunk).
        { path: paths.reviewLink, lazy: () => import('./routes/review-link') },
        // The bench's scan screen (full screen on a tablet, outside the shell) and the ticket
        // QR's deep link; both for signed-in staff.
        {
          path: paths.scan,
          loader: async ({ request }) => requireStaff(request, queryClient),
          lazy: { Component: async () => (await import('./routes/scan')).Component },
        },
        { path: paths.orderLink, loader: orderLinkLoader(queryClient), element: null },
        {
          id: 'shell',
          loader: shellLoader(queryClient),
          lazy: { Component: async () => (await import('./routes/shell')).ShellRoute },
          children: [
            {
              // Page errors render inside the shell, so the navigation stays usable.
              errorElement: <RouteError />,
              children: [
                // Always redirects; the empty element only tells the router nothing renders here.
                { index: true, loader: () => redirect(paths.board), element: null },
                {
                  path: paths.board,
                  // Its loader starts the board's reads while the page chunk downloads.
                  lazy: {
                    loader: async () =>
                      (await import('./routes/board-loader')).boardLoader(queryClient),
                    Component: async () => (await import('./routes/board')).Component,
                  },
                },
                { path: paths.intake, lazy: () => import('./routes/intake') },
                { path: paths.orders, lazy: () => import('./routes/orders') },
                { path: paths.floorMetal, lazy: () => import('./routes/floor-metal') },
                { path: paths.stones, lazy: () => import('./routes/stones') },
                // The order workspace: its own child route beside the orders table.
                { path: 'orders/:code', lazy: () => import('./routes/order-workspace') },
                {
                  path: paths.analytics,
                  // Its loader pulls the analytics report code: kept out of the entry.
                  lazy: {
                    loader: async () =>
                      (await import('./routes/analytics-loader')).analyticsLoader(queryClient),
                    Component: async () => (await import('./routes/analytics')).Component,
                  },
                },
                {
                  path: paths.settings,
                  loader: async ({ request }) => {
                    await requireManager(request, queryClient);
                    return null;
                  },
                  lazy: () => import('./routes/settings'),
                },
                { path: '*', element: <NotFound /> },
              ],
            },
          ],
        },
      ],
    },
  ];
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}

export type AppRouter = ReturnType<typeof createAppRouter>;
