import { searchText } from '../../src/domain/lists/requests';
import type { ReviewRequest } from '../../src/domain/types';

// A request's search text, built once per record and reused while its searchable fields stay the same (a search may read
// every one of 100,000 records).

interface Entry {
    id: string;
    mobileNumber: string;
    email: string;
    name: string;
    number: string;
    text: string;
}

const entries = new WeakMap<ReviewRequest, Entry>();

export function cachedSearchText(record: ReviewRequest): string {
    const name = record.kind === 'verification' ? record.fullName : record.holderName;
    const number = record.kind === 'verification' ? record.idNumber : record.account.accountId;
    const known = entries.get(record);
    if (known && known.id === record.id && known.mobileNumber === record.mobileNumber && known.email === record.email && known.name === name && known.number === number) return known.text;
    const text = searchText(record);
    entries.set(record, { id: record.id, mobileNumber: record.mobileNumber, email: record.email, name, number, text });
    return text;
}
