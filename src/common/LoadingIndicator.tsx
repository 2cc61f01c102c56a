import { LoadingIndicator as RaLoadingIndicator, useTranslate } from 'react-admin';

/** react-admin's refresh button and spinner; the spinner (it passes extra props to it) gets a name for screen readers. */
export const LoadingIndicator = () => <RaLoadingIndicator aria-label={useTranslate()('ra.page.loading')} />;
