import { Card, CardContent, Divider, Grid, Stack } from '@mui/material';
import { Children, Fragment, isValidElement, type ReactNode } from 'react';
import { ScreenActions } from './flow/useReviewActions';
import type { DecisionFlow } from './flow/useDecisionFlow';

export interface ReviewScreenProps {
    requestId: string;
    header: ReactNode;
    /** What the reviewer can do: the decision panel, a second approval, a verdict. */
    actions: ReactNode;
    /** Sections of the wide column (documents, or the kind's facts) and of the narrow one, each divided from the next. */
    main: ReactNode;
    side: ReactNode;
    /** The decision flow of the screen, when it has one: its actions are shared by everything on the screen. */
    flow?: DecisionFlow;
    dialogs?: ReactNode;
    testId?: string;
}

/** The sections of a column: a fragment's children one by one (a Stack divides its direct children only). */
const sectionsOf = (content: ReactNode) =>
    isValidElement<{ children?: ReactNode }>(content) && content.type === Fragment ? Children.toArray(content.props.children) : Children.toArray(content);

/** The one layout of every review screen (verification, cancellation, quality): header, actions, two columns, dialogs. */
export function ReviewScreen({ requestId, header, actions, main, side, flow, dialogs, testId = 'review-screen' }: ReviewScreenProps) {
    const column = (content: ReactNode) => (
        <Card variant="outlined">
            <CardContent>
                <Stack spacing={2} divider={<Divider flexItem />}>{sectionsOf(content)}</Stack>
            </CardContent>
        </Card>
    );
    return (
        <ScreenActions.Provider value={flow?.actions ?? null}>
            <Stack spacing={2} sx={{ py: 2 }} data-testid={testId} data-request={requestId}>
                {header}
                {actions}
                <Grid container spacing={2}>
                    <Grid size={{ xs: 12, lg: 7 }}>{column(main)}</Grid>
                    <Grid size={{ xs: 12, lg: 5 }}>{column(side)}</Grid>
                </Grid>
                {dialogs}
            </Stack>
        </ScreenActions.Provider>
    );
}
