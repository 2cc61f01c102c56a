import { lazy, useState } from 'react';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import audit from './audit';
import cancellations from './cancellations';
import { Home } from './dashboard/Home';
import { ConsoleLayout } from './common/ConsoleLayout';
import { LoginPage } from './common/LoginPage';
import { darkTheme, lightTheme } from './common/theme';
import { createAuthProvider } from './providers/authProvider';
import { createDataProvider } from './providers/dataProvider';
import { createI18nProvider, type ConsoleLocale } from './providers/i18nProvider';
import { createQueryClient } from './providers/queryClient';
import quality from './quality';
import verifications from './verifications';

// Supervisors only: loaded on first use.
const WhoLooked = lazy(() => import('./access/WhoLooked'));

export interface AppProps {
    apiUrl: string;
    locale?: ConsoleLocale;
}

export function App({ apiUrl, locale }: AppProps) {
    // Created once per mounted console, never per render.
    const [providers] = useState(() => ({
        dataProvider: createDataProvider(apiUrl),
        authProvider: createAuthProvider(apiUrl),
        i18nProvider: createI18nProvider(locale),
        queryClient: createQueryClient(),
    }));
    return (
        <Admin
            title="app.title"
            {...providers}
            dashboard={Home}
            loginPage={LoginPage}
            layout={ConsoleLayout}
            lightTheme={lightTheme}
            darkTheme={darkTheme}
            disableTelemetry
        >
            <Resource name="verifications" {...verifications} />
            <Resource name="cancellations" {...cancellations} />
            <Resource name="audit" {...audit} />
            <Resource name="quality-reviews" {...quality} />
            <Resource name="operators" recordRepresentation="name" />
            <Resource name="reasons" recordRepresentation="id" />
            <CustomRoutes>
                <Route path="/who-looked" element={<WhoLooked />} />
            </CustomRoutes>
        </Admin>
    );
}
