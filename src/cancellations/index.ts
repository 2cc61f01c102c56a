import PhonelinkEraseIcon from '@mui/icons-material/PhonelinkErase';
import type { Cancellation } from '../domain/types';
import { CancellationList } from './CancellationList';
import { CancellationReview } from './CancellationReview';

export default {
    list: CancellationList,
    show: CancellationReview,
    icon: PhonelinkEraseIcon,
    recordRepresentation: (record: Cancellation) => `${record.id} ${record.holderName}`,
};
