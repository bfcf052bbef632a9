// Vite for the app: React with Fast Refresh; dev server on 5173 (the port supabase/config.toml's
// auth.site_url names). Supabase's URL and anon key come from VITE_* variables (.env.example).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: true, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  // Listed up front so the first page load does not discover them one by one and reload the
  // page mid-session (which would also disturb the end-to-end tests).
  optimizeDeps: {
    include: [
      'react',
      'react-dom/client',
      'react-router',
      'react-router/dom',
      '@mantine/core',
      '@mantine/hooks',
      '@mantine/notifications',
      '@tanstack/react-query',
      '@supabase/supabase-js',
      '@tabler/icons-react',
      '@mantine/dates',
      '@mantine/dropzone',
      '@mantine/charts',
      '@tanstack/react-table',
      '@tanstack/react-virtual',
      '@atlaskit/pragmatic-drag-and-drop/element/adapter',
      '@atlaskit/pragmatic-drag-and-drop/combine',
      '@atlaskit/pragmatic-drag-and-drop-auto-scroll/element',
      'dayjs',
      'dayjs/plugin/utc',
      'dayjs/plugin/timezone',
      'recharts',
      'tus-js-client',
    ],
  },
  build: {
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries every route needs in a few long-cached chunks; the rest split by route.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/,
              priority: 30,
            },
            {
              name: 'supabase',
              test: /node_modules[\\/](@supabase|iceberg-js)[\\/]/,
              priority: 25,
            },
            {
              name: 'query',
              test: /node_modules[\\/]@tanstack[\\/](query-core|react-query)[\\/]/,
              priority: 20,
            },
          ],
        },
      },
    },
  },
});
