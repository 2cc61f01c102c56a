// A wide queue table scrolls inside the list instead of widening the whole page (and pushing the toolbar off screen).
export const QUEUE_LIST_SX = { minWidth: 0, '& .RaList-main': { minWidth: 0 }, '& .RaList-content': { overflowX: 'auto' } } as const;
