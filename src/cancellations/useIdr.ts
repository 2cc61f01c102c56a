import { useLocale } from 'react-admin';
import { numberFormat } from '../common/formatters';

export const IDR_FORMAT = { style: 'currency', currency: 'IDR', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 } as const;

/** Formats whole rupiah for the console's language (Rp 25.000 / Rp 25,000). */
export function useIdr() {
    const format = numberFormat(useLocale(), IDR_FORMAT);
    return (amount: number) => format.format(amount);
}
