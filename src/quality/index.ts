import RuleIcon from '@mui/icons-material/Rule';
import { lazy } from 'react';

// Supervisors only: loaded on first use, never part of an operator's first paint.
export default {
    list: lazy(() => import('./QualityReviewList').then(module => ({ default: module.QualityReviewList }))),
    show: lazy(() => import('./QualityReviewShow').then(module => ({ default: module.QualityReviewShow }))),
    icon: RuleIcon,
};
