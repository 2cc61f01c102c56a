import { lazy } from 'react';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import type { Verification } from '../domain/types';
import { VerificationList } from './VerificationList';

export default {
    list: VerificationList,
    // The review screen loads on first use: the queue paints without it.
    show: lazy(() => import('./VerificationReview').then(module => ({ default: module.VerificationReview }))),
    icon: FactCheckIcon,
    recordRepresentation: (record: Verification) => `${record.id} ${record.fullName}`,
};
