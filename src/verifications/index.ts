import FactCheckIcon from '@mui/icons-material/FactCheck';
import type { Verification } from '../domain/types';
import { VerificationList } from './VerificationList';
import { VerificationReview } from './VerificationReview';

export default {
    list: VerificationList,
    show: VerificationReview,
    icon: FactCheckIcon,
    recordRepresentation: (record: Verification) => `${record.id} ${record.fullName}`,
};
