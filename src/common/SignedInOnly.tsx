import { useMemo, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { session } from '../providers/session';

/**
 * Every page behind the layout needs a signed-in session; without one it goes to the login page at once, and
 * returns to where it was after signing in. Decided from the stored session, synchronously: react-admin's
 * `requireAuth` logs out on mount instead, and its logout (which clears the query cache, which checks the
 * session again, which logs out again...) starved the navigation to the login page for seconds.
 */
export function SignedInOnly({ children }: { children: ReactNode }) {
    const { pathname, search } = useLocation();
    // <Navigate> navigates again whenever its state is a new object: one per location, not one per render.
    const state = useMemo(() => ({ nextPathname: pathname, nextSearch: search }), [pathname, search]);
    if (session.get()) return children;
    return <Navigate to="/login" replace state={state} />;
}
