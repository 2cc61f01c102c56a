import PhonelinkEraseIcon from '@mui/icons-material/PhonelinkErase';
import type { Cancellation } from '../domain/types';
import { CancellationList } from './CancellationList';

export default {
    list: CancellationList,
    icon: PhonelinkEraseIcon,
    recordRepresentation: (record: Cancellation) => `${record.id} ${record.holderName}`,
};
