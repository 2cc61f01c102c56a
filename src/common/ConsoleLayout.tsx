import type { ReactNode } from 'react';
import { AppBar, Layout, type AppBarProps, Logout, useCanAccess, UserMenu, useGetIdentity, useTranslate } from 'react-admin';
import { config } from '../config';
import { ConsoleMenu } from './ConsoleMenu';
import { ProgressNames } from './ProgressNames';
import { ResetDemoDataMenuItem } from './ResetDemoDataMenuItem';
import { SignedInOnly } from './SignedInOnly';

// react-admin's layout with the language switcher (built in) and a user menu where a supervisor can reset demo data.

function ConsoleUserMenu() {
    const translate = useTranslate();
    const { identity } = useGetIdentity();
    const { canAccess: mayReset } = useCanAccess({ resource: 'demo', action: 'reset' });
    // The button shows the operator's name: a screen reader's name for it says the same, after what it is.
    const label = identity?.fullName ? `${translate('ra.auth.user_menu')}: ${identity.fullName}` : 'ra.auth.user_menu';
    return (
        <UserMenu label={label}>
            {config.demoMode && mayReset && <ResetDemoDataMenuItem />}
            <Logout />
        </UserMenu>
    );
}

// The app bar is always shown (appBarAlwaysOn): the language switch and the user menu stay in reach, and its hide-on-scroll
// listener no longer measures the page while the first queue page renders (~150 ms of the first row in a CPU profile).
const ConsoleAppBar = (props: AppBarProps) => <AppBar {...props} userMenu={<ConsoleUserMenu />} />;

export function ConsoleLayout({ children }: { children: ReactNode }) {
    // minWidth 0: a wide table or a long customer string scrolls inside the page's content, never widens the page.
    return (
        <SignedInOnly>
            <ProgressNames>
                <Layout appBarAlwaysOn appBar={ConsoleAppBar} menu={ConsoleMenu} sx={{ minWidth: 0, '& .RaLayout-content': { minWidth: 0 } }}>{children}</Layout>
            </ProgressNames>
        </SignedInOnly>
    );
}
