import type { ReactNode } from 'react';
import { AppBar, Layout, Logout, useCanAccess, UserMenu } from 'react-admin';
import { config } from '../config';
import { ConsoleMenu } from './ConsoleMenu';
import { ResetDemoDataMenuItem } from './ResetDemoDataMenuItem';
import { SignedInOnly } from './SignedInOnly';

// react-admin's layout with the language switcher (built in) and a user menu where a supervisor can reset demo data.

function ConsoleUserMenu() {
    const { canAccess: mayReset } = useCanAccess({ resource: 'demo', action: 'reset' });
    return (
        <UserMenu>
            {config.demoMode && mayReset && <ResetDemoDataMenuItem />}
            <Logout />
        </UserMenu>
    );
}

const ConsoleAppBar = () => <AppBar userMenu={<ConsoleUserMenu />} />;

export function ConsoleLayout({ children }: { children: ReactNode }) {
    // minWidth 0: a wide table or a long customer string scrolls inside the page's content, never widens the page.
    return (
        <SignedInOnly>
            <Layout appBar={ConsoleAppBar} menu={ConsoleMenu} sx={{ minWidth: 0, '& .RaLayout-content': { minWidth: 0 } }}>{children}</Layout>
        </SignedInOnly>
    );
}
