// The app's screens by URL; screens that are large load with their first visit.
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Loading } from '../ui/states';
import { RequireSignIn } from './RequireSignIn';
import { SummitLayout } from './SummitLayout';
import { SignInPage } from '../features/signin/SignInPage';
import { SummitPickerPage } from '../features/summits/SummitPickerPage';
import { SummitHome } from '../features/summits/SummitHome';
import { NotFoundPage } from './NotFoundPage';

const TodayPage = lazy(() => import('../features/today/TodayPage'));
const BoardPage = lazy(() => import('../features/requests/BoardPage'));
const NewRequestPage = lazy(() => import('../features/requests/NewRequestPage'));
const RequestPage = lazy(() => import('../features/requests/RequestPage'));
const SchedulePage = lazy(() => import('../features/schedule/SchedulePage'));
const EncountersPage = lazy(() => import('../features/encounters/EncountersPage'));
const HostPage = lazy(() => import('../features/host/HostPage'));
const FilesPage = lazy(() => import('../features/host/FilesPage'));
const ExportsPage = lazy(() => import('../features/exports/ExportsPage'));
const PrintCardPage = lazy(() => import('../features/exports/PrintCardPage'));
const PersonPage = lazy(() => import('../features/people/PersonPage'));
const RoomPage = lazy(() => import('../features/people/RoomPage'));

/** Every route of the app. */
export function AppRoutes() {
  return (
    <Suspense fallback={<Loading what="Loading the screen" />}>
      <Routes>
        <Route path="/signin" element={<SignInPage />} />
        <Route element={<RequireSignIn />}>
          <Route path="/" element={<SummitPickerPage />} />
          <Route path="/s/:summit/print/:person/:date" element={<PrintCardPage />} />
          <Route path="/s/:summit" element={<SummitLayout />}>
            <Route index element={<SummitHome />} />
            <Route path="today" element={<TodayPage />} />
            <Route path="requests" element={<BoardPage />} />
            <Route path="requests/new" element={<NewRequestPage />} />
            <Route path="requests/:request" element={<RequestPage />} />
            <Route path="schedule" element={<SchedulePage />} />
            <Route path="encounters" element={<EncountersPage />} />
            <Route path="host" element={<HostPage />} />
            <Route path="host/files" element={<FilesPage />} />
            <Route path="exports" element={<ExportsPage />} />
            <Route path="people/:person" element={<PersonPage />} />
            <Route path="rooms/:room" element={<RoomPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
          <Route path="/summits" element={<Navigate to="/" replace />} />
          <Route path="*" element={<NotFoundPage standalone />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
