import FactCheckIcon from '@mui/icons-material/FactCheck';
import type { Verification } from '../domain/types';
import { VerificationList } from './VerificationList';

export default {
    list: VerificationList,
    icon: FactCheckIcon,
    recordRepresentation: (record: Verification) => `${record.id} ${record.fullName}`,
};
