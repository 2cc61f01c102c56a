import { useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { session } from '../providers/session';

/**
 * Every page behind the layout needs a signed-in session; without one it goes to the login page at once, and
 * returns to where it was after signing in. Decided from the stored session, synchronously: react-admin's
 * `requireAuth` logs out on mount instead, and its logout (which clears the query cache, which checks the
 * session again, which logs out again...) starved the navigation to the login page for seconds. Signing out
 * (the user menu, or a 401) re-renders it at once, so the pages unmount before their queries can ask again.
 */
export function SignedInOnly({ children }: { children: ReactNode }) {
    const { pathname, search } = useLocation();
    // <Navigate> navigates again whenever its state is a new object: one per location, not one per render.
    const state = useMemo(() => ({ nextPathname: pathname, nextSearch: search }), [pathname, search]);
    const signedIn = useSyncExternalStore(session.subscribe, () => session.get() !== null);
    if (signedIn) return children;
    return <Navigate to="/login" replace state={state} />;
}
