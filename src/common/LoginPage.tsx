import { Alert, AlertTitle, Box } from '@mui/material';
import { Login, LoginForm, LocalesMenuButton, useTranslate } from 'react-admin';
import { config } from '../config';
import { ProgressNames } from './ProgressNames';

// The sign-in screen, with the demo accounts spelled out when the console runs on its mock backend.

function DemoAccountsHint() {
    const translate = useTranslate();
    return (
        <Alert severity="info" sx={{ mx: 2, mb: 2 }} data-testid="demo-accounts">
            <AlertTitle>{translate('app.auth.demo_hint_title')}</AlertTitle>
            {translate('app.auth.demo_hint_operator')}
            <br />
            {translate('app.auth.demo_hint_supervisor')}
        </Alert>
    );
}

export function LoginPage() {
    return (
        <ProgressNames>
            <Login>
                <Box sx={{ display: 'flex', justifyContent: 'flex-end', px: 1 }}>
                    <LocalesMenuButton />
                </Box>
                <LoginForm />
                {config.demoMode && <DemoAccountsHint />}
            </Login>
        </ProgressNames>
    );
}
