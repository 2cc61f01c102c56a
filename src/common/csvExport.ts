import jsonExport from 'jsonexport/dist';
import { downloadCSV, type Exporter } from 'react-admin';

// The queues' CSV export: react-admin's default (every field, flattened by jsonexport), but a text cell that a
// spreadsheet would run as a formula (=HYPERLINK(...), +cmd|..., @SUM, -2+3) is prefixed with ' so it stays text.

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula<T>(value: T): T | string {
    return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

function neutralizeDeep(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(neutralizeDeep);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, neutralizeDeep(inner)]));
    return neutralizeFormula(value);
}

export function toSafeCsv(records: readonly object[]): Promise<string> {
    return new Promise((resolve, reject) => {
        jsonExport(records.map(neutralizeDeep), (error: Error | null, csv: string) => (error ? reject(error) : resolve(csv)));
    });
}

export const safeCsvExporter = (filename: string): Exporter => async records => {
    downloadCSV(await toSafeCsv(records), filename);
};
