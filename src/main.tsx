// Entry point: one query client, one router, one provider tree.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { AppProvider } from './app/provider';
import { createAppRouter } from './app/router';
import { syncAuthWithRouter } from './app/auth-sync';
import { queryClient } from './lib/query-client';

const router = createAppRouter(queryClient);
syncAuthWithRouter(router);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  </StrictMode>,
);
