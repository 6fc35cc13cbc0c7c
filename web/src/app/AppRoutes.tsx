// The app's screens by URL. Only the sign-in screen and the frame around the others come with the
// first page; every other screen (the summit frame, with its time zones, too) loads on its first visit,
// so a first visit downloads little (measured by `npm run bench:web`).
import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from '../ui/states';
import { RequireSignIn } from './RequireSignIn';
import { SignInPage } from '../features/signin/SignInPage';
import { NotFoundPage } from './NotFoundPage';

/** A screen from a lazily loaded module's named export (`lazy` expects a default one). */
function named<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return lazy(async () => ({ default: pick(await load()) }));
}

const SummitLayout = named(
  () => import('./SummitLayout'),
  (m) => m.SummitLayout,
);
const SummitPickerPage = named(
  () => import('../features/summits/SummitPickerPage'),
  (m) => m.SummitPickerPage,
);
const SummitList = named(
  () => import('../features/summits/SummitPickerPage'),
  (m) => m.SummitList,
);
const SummitHome = named(
  () => import('../features/summits/SummitHome'),
  (m) => m.SummitHome,
);

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
          <Route path="/summits" element={<SummitList />} />
          <Route path="*" element={<NotFoundPage standalone />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
