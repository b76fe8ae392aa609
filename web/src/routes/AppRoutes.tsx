import { Navigate, Route, Routes } from 'react-router-dom';
import { AppLayout } from '../components/AppLayout.tsx';
import { DictionariesProvider } from '../components/DictionariesContext.tsx';
import { AuditEventsPage } from '../pages/AuditEventsPage.tsx';
import { ChangePasswordPage } from '../pages/ChangePasswordPage.tsx';
import { DictionariesPage } from '../pages/DictionariesPage.tsx';
import { EligibilityPolicyPage } from '../pages/EligibilityPolicyPage.tsx';
import { HomePage } from '../pages/HomePage.tsx';
import { JointReviewInboxPage } from '../pages/JointReviewInboxPage.tsx';
import { LoginEventsPage } from '../pages/LoginEventsPage.tsx';
import { LoginPage } from '../pages/LoginPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { OfficialCalendarPage } from '../pages/OfficialCalendarPage.tsx';
import { OrgUnitsPage } from '../pages/OrgUnitsPage.tsx';
import { PersonPage } from '../pages/PersonPage.tsx';
import { ReservesPage } from '../pages/ReservesPage.tsx';
import { CandidatePage } from '../pages/selection/CandidatePage.tsx';
import { EvaluationMeetingPage } from '../pages/selection/EvaluationMeetingPage.tsx';
import { PublicNoticePage } from '../pages/selection/PublicNoticePage.tsx';
import { SelectionBoardPage } from '../pages/selection/SelectionBoardPage.tsx';
import { TalentLedgerPage } from '../pages/TalentLedgerPage.tsx';
import { UsersPage } from '../pages/UsersPage.tsx';
import { cultivationRoutes } from './cultivationRoutes.tsx';
import { RequireSession } from './RequireSession.tsx';

/** Every screen of the client. Paths the menu shows are listed in components/navigation.tsx. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/change-password" element={<RequireSession allowPendingPasswordChange><ChangePasswordPage /></RequireSession>} />
      <Route element={<RequireSession><DictionariesProvider><AppLayout /></DictionariesProvider></RequireSession>}>
        <Route index element={<HomePage />} />
        {cultivationRoutes.map((route) => <Route key={route.path} path={route.path} element={route.element} />)}
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
  );
}
