import { lazy } from 'react';
import { Navigate } from 'react-router-dom';
import { session } from '../providers/session';

const Dashboard = lazy(() => import('./Dashboard').then(module => ({ default: module.Dashboard })));

/** Where a role starts: supervisors on the dashboard, operators on their queue. */
const homeOfSignedIn = () => (session.get()?.user.role === 'supervisor' ? '/' : '/verifications');

/**
 * The console's home page. Operators go straight to their queue, decided from the signed-in session:
 * they wait neither for the dashboard's code nor for a round trip.
 */
export function Home() {
    const home = homeOfSignedIn();
    if (home !== '/') return <Navigate to={home} replace />;
    return <Dashboard />;
}

/**
 * Before the first render: a console opened at its root by an operator opens on the queue at once, rather than
 * after react-admin's checks of the dashboard route (two waits) and the redirect above.
 */
export function openHomeOfSignedIn() {
    if (window.location.hash !== '' && window.location.hash !== '#/') return;
    const home = homeOfSignedIn();
    if (home !== '/' && session.get()) window.history.replaceState(window.history.state, '', `#${home}`);
}
