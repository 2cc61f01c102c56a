// A wide queue table scrolls inside the list instead of widening the whole page (and pushing the toolbar off screen).
// Identifiers, numbers, times and tags never wrap: at 1280 px the table scrolls sideways rather than break '+62…' / '9'.

const ONE_LINE_COLUMNS = ['id', 'mobileNumber', 'status', 'dueAt', 'attempt', 'failedChecks', 'submittedAt', 'account.balance', 'refund', 'account.boundDevices', 'account.openItems'];
const oneLineCells = ONE_LINE_COLUMNS.map(column => `& td.column-${column.replace('.', '\\.')}`).join(', ');

export const QUEUE_LIST_SX = {
    minWidth: 0,
    '& .RaList-main': { minWidth: 0 },
    '& .RaList-content': { overflowX: 'auto' },
    [oneLineCells]: { whiteSpace: 'nowrap' },
    // Chinese headers break between words only (they have none), not after every character of a narrow column.
    '& th': { wordBreak: 'keep-all' },
} as const;
