import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter, Navigate, Route, Routes } from "react-router-dom";
import { ApiError, LOCAL_GROUP_ID } from "./api/client";
import { Layout } from "./components/Layout";
import { BoardPage } from "./features/board/BoardPage";
import { MeetingPage } from "./features/live/MeetingPage";
import { MeetingsPage } from "./features/meetings/MeetingsPage";
import { MinutesPage } from "./features/minutes/MinutesPage";
import { I18nProvider } from "./i18n/I18n";
import "./index.css";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again; a server that is down might.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <BrowserRouter>
          <Layout>
            <Routes>
              <Route path="/" element={<Navigate to="/meetings" replace />} />
              <Route path="/meetings" element={<MeetingsPage />} />
              <Route path="/meetings/:meetingId" element={<MeetingPage />} />
              <Route path="/meetings/:meetingId/minutes" element={<MinutesPage />} />
              <Route path="/board" element={<Navigate to={`/groups/${LOCAL_GROUP_ID}/board`} replace />} />
              <Route path="/groups/:groupId/board" element={<BoardPage />} />
              <Route path="*" element={<Navigate to="/meetings" replace />} />
            </Routes>
          </Layout>
        </BrowserRouter>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
