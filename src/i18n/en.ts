// The console's own strings in English; zh.ts must have exactly the same keys (checked by type and test).

export const en = {
    app: {
        title: 'Axis Review Console',
        auth: {
            wrong_credentials: 'Wrong username or password.',
            session_expired: 'Your session has ended. Sign in again to carry on where you were.',
            signed_out: 'Please sign in.',
            demo_hint_title: 'Demo accounts (password: demo)',
            demo_hint_operator: 'operator1, operator2: review operators',
            demo_hint_supervisor: 'supervisor1: supervisor',
        },
        demo: {
            reset: 'Reset demo data',
            reset_confirm_title: 'Reset the demo data?',
            reset_confirm_content: 'Every decision, claim and audit entry made in this browser is discarded and the queues are seeded afresh.',
            reset_done: 'Demo data reset.',
            banner: 'Demo mode: the console runs on its embedded mock backend.',
        },
        errors: {
            bad_request: 'The server refused the request as malformed.',
            invalid_reasons: 'Choose at least one valid rejection reason.',
            unauthenticated: 'Your session has ended. Please sign in again.',
            forbidden: 'Your role may not do this.',
            not_found: 'This record does not exist (any more).',
            method_not_allowed: 'This record cannot be changed.',
            conflict_claimed: 'Someone else holds this request.',
            conflict_version: 'This request changed since you opened it.',
            conflict_state: 'This request is no longer open for that action.',
            preconditions_failed: 'The preconditions for this action are not met.',
            internal: 'The server failed. Nothing was changed; please try again.',
            network: 'The server could not be reached. Check the connection and try again.',
            unexpected: 'The server gave an unexpected answer.',
        },
        status: {
            pending: 'Pending',
            in_review: 'In review',
            awaiting_second_approval: 'Awaiting second approval',
            approved: 'Approved',
            rejected: 'Rejected',
        },
        sla: {
            overdue: 'Overdue by %{duration}',
            due_today: 'Due today, %{duration} left',
            on_time: '%{duration} left',
            decided: 'Decided',
            days_hours: '%{days} d %{hours} h',
            hours_minutes: '%{hours} h %{minutes} min',
        },
        assignee: {
            me: 'Me',
            unassigned: 'Unassigned',
            anyone: 'Anyone',
        },
        queue: {
            open_only: 'Open requests only',
            overdue: 'Overdue',
            resubmission: 'Resubmissions',
            has_failed_checks: 'With failed checks',
            ready_to_approve: 'Ready to approve',
            search: 'Name, mobile, ID number or request id',
            empty: 'Nothing in this queue matches.',
        },
        language: {
            'zh-CN': 'Chinese',
            en: 'English',
        },
        yes: 'Yes',
        no: 'No',
    },
    resources: {
        verifications: {
            name: 'Verification |||| Verifications',
            fields: {
                id: 'Request',
                fullName: 'Name',
                idNumber: 'ID number',
                mobileNumber: 'Mobile number',
                status: 'Status',
                dueAt: 'Due',
                submittedAt: 'Submitted',
                attempt: 'Attempt',
                assignee: 'Assignee',
                failedChecks: 'Failed checks',
                customerLanguage: 'Language',
            },
        },
        cancellations: {
            name: 'Cancellation |||| Cancellations',
            fields: {
                id: 'Request',
                holderName: 'Account holder',
                mobileNumber: 'Mobile number',
                status: 'Status',
                dueAt: 'Due',
                submittedAt: 'Submitted',
                attempt: 'Attempt',
                assignee: 'Assignee',
                'account.balance': 'Balance',
                refund: 'Refund',
                'account.boundDevices': 'Bound devices',
                'account.openItems': 'Unpaid bills',
            },
            refund: {
                none: 'Not requested',
                requested: 'Requested',
                settled: 'Settled',
            },
        },
        operators: {
            name: 'Operator |||| Operators',
            fields: { name: 'Name', role: 'Role' },
        },
    },
};

/** The same tree with every leaf a string: the type zh.ts must satisfy. */
export type AppMessages<T = typeof en> = { [K in keyof T]: T[K] extends string ? string : AppMessages<T[K]> };
