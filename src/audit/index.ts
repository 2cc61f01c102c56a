import HistoryIcon from '@mui/icons-material/History';
import { lazy } from 'react';

// Supervisors only: loaded on first use, never part of an operator's first paint.
export default {
    list: lazy(() => import('./AuditList').then(module => ({ default: module.AuditList }))),
    icon: HistoryIcon,
};
