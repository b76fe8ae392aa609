import { Navigate, Route, Routes } from 'react-router-dom';
// The login page and the frame of every page after it are part of the entry chunk: after logging
// in only the page's own chunk is fetched, not a chain of chunks one after another.
import { AppLayout } from '../components/AppLayout.tsx';
import { DictionariesProvider } from '../components/DictionariesContext.tsx';
import { LoginPage } from '../pages/LoginPage.tsx';
import { cultivationRoutes } from './cultivationRoutes.tsx';
import { Loaded, page } from './lazyPage.tsx';
import { RequireSession } from './RequireSession.tsx';
import { villageRoutes } from './villageRoutes.tsx';
import { dashboardRoutes } from './dashboardRoutes.tsx';


const AuditEventsPage = page(() => import('../pages/AuditEventsPage.tsx'), 'AuditEventsPage');
const ChangePasswordPage = page(() => import('../pages/ChangePasswordPage.tsx'), 'ChangePasswordPage');
const DictionariesPage = page(() => import('../pages/DictionariesPage.tsx'), 'DictionariesPage');
const EligibilityPolicyPage = page(() => import('../pages/EligibilityPolicyPage.tsx'), 'EligibilityPolicyPage');
const HomePage = page(() => import('../pages/HomePage.tsx'), 'HomePage');
const JointReviewInboxPage = page(() => import('../pages/JointReviewInboxPage.tsx'), 'JointReviewInboxPage');
const LoginEventsPage = page(() => import('../pages/LoginEventsPage.tsx'), 'LoginEventsPage');
const NotFoundPage = page(() => import('../pages/NotFoundPage.tsx'), 'NotFoundPage');
const OfficialCalendarPage = page(() => import('../pages/OfficialCalendarPage.tsx'), 'OfficialCalendarPage');
const OrgUnitsPage = page(() => import('../pages/OrgUnitsPage.tsx'), 'OrgUnitsPage');
const PersonPage = page(() => import('../pages/PersonPage.tsx'), 'PersonPage');
const ReservesPage = page(() => import('../pages/ReservesPage.tsx'), 'ReservesPage');
const CandidatePage = page(() => import('../pages/selection/CandidatePage.tsx'), 'CandidatePage');
const EvaluationMeetingPage = page(() => import('../pages/selection/EvaluationMeetingPage.tsx'), 'EvaluationMeetingPage');
const PublicNoticePage = page(() => import('../pages/selection/PublicNoticePage.tsx'), 'PublicNoticePage');
const SelectionBoardPage = page(() => import('../pages/selection/SelectionBoardPage.tsx'), 'SelectionBoardPage');
const TalentLedgerPage = page(() => import('../pages/TalentLedgerPage.tsx'), 'TalentLedgerPage');
const UsersPage = page(() => import('../pages/UsersPage.tsx'), 'UsersPage');

/** Every screen of the client. Paths the menu shows are listed in components/navigation.tsx. */
export function AppRoutes() {
  return (
    <Loaded>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/change-password" element={<RequireSession allowPendingPasswordChange><ChangePasswordPage /></RequireSession>} />
        <Route element={<RequireSession><DictionariesProvider><AppLayout /></DictionariesProvider></RequireSession>}>
          <Route index element={<HomePage />} />
          {cultivationRoutes.map((route) => <Route key={route.path} path={route.path} element={route.element} />)}
          {villageRoutes.map((route) => <Route key={route.path} path={route.path} element={route.element} />)}
          {dashboardRoutes.map((route) => <Route key={route.path} path={route.path} element={route.element} />)}
          <Route path="talent-ledger" element={<TalentLedgerPage />} />
          <Route path="reserves/import?" element={<ReservesPage />} />
          <Route path="people/:id" element={<PersonPage />} />
          <Route path="selection" element={<SelectionBoardPage />} />
          <Route path="selection/candidates/:id" element={<CandidatePage />} />
          <Route path="selection/evaluation" element={<EvaluationMeetingPage />} />
          <Route path="selection/notices/:id" element={<PublicNoticePage />} />
          <Route path="joint-reviews" element={<JointReviewInboxPage />} />
          <Route path="eligibility-policy" element={<EligibilityPolicyPage />} />
          <Route path="official-calendar" element={<OfficialCalendarPage />} />
          <Route path="org-units" element={<OrgUnitsPage />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="dictionaries" element={<DictionariesPage />} />
          <Route path="audit-events" element={<AuditEventsPage />} />
          <Route path="login-events" element={<LoginEventsPage />} />
          <Route path="home" element={<Navigate to="/" replace />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Loaded>
  );
}
