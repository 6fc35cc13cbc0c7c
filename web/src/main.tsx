// Entry point: the query cache, the session and the router around the app's screens.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api/problem';
import { SessionProvider } from './api/session';
import { AppRoutes } from './app/AppRoutes';
import { RouterBridge } from './app/RouterBridge';
import { ToastProvider } from './ui/toasts';
import './styles/app.css';
import './styles/frame.css';
import './styles/feedback.css';
import './styles/schedule.css';
import './styles/print.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // a refusal does not get better by asking again; a network blip might
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <RouterBridge>
          <SessionProvider>
            <ToastProvider>
              <AppRoutes />
            </ToastProvider>
          </SessionProvider>
        </RouterBridge>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
