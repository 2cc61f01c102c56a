import { CircularProgress, LinearProgress } from '@mui/material';
import { render, screen } from '@testing-library/react';
import { AdminContext } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { ProgressNames } from '../../src/common/ProgressNames';
import { createI18nProvider, loadMessages } from '../../src/providers/i18nProvider';

// react-admin shows spinners and progress bars without a name; screen readers would announce an unnamed progress bar.

describe('progress indicators', () => {
    it.each([['en', 'Loading'], ['zh-CN', '加载中']] as const)('are named for screen readers in %s', async (locale, name) => {
        await loadMessages(locale);
        render(
            <AdminContext i18nProvider={createI18nProvider(locale)}>
                <ProgressNames>
                    <CircularProgress />
                    <LinearProgress />
                </ProgressNames>
            </AdminContext>,
        );
        const bars = await screen.findAllByRole('progressbar');
        expect(bars.map(bar => bar.getAttribute('aria-label'))).toEqual([name, name]);
    });
});
