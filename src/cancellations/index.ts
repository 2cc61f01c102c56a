import { lazy } from 'react';
import PhonelinkEraseIcon from '@mui/icons-material/PhonelinkErase';
import type { Cancellation } from '../domain/types';
import { CancellationList } from './CancellationList';

export default {
    list: CancellationList,
    // The review screen loads on first use: the queue paints without it.
    show: lazy(() => import('./CancellationReview').then(module => ({ default: module.CancellationReview }))),
    icon: PhonelinkEraseIcon,
    recordRepresentation: (record: Cancellation) => `${record.id} ${record.holderName}`,
};
