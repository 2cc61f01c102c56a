import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorState } from './ErrorState';

// A wrong type that slipped past the response check must not blank the console: only the record's content is
// replaced by a translated message, and the menu, app bar and queue keep working.

interface Props {
    children: ReactNode;
    /** Called by "Try again" before the content is rendered afresh, e.g. to refetch the record. */
    onRetry?: () => void;
}

export class RecordErrorBoundary extends Component<Props, { error: Error | null }> {
    state: { error: Error | null } = { error: null };

    static getDerivedStateFromError(error: Error) {
        return { error };
    }

    componentDidCatch(error: Error, info: ErrorInfo) {
        console.error('[review screen]', error, info.componentStack);
    }

    retry = () => {
        this.props.onRetry?.();
        this.setState({ error: null });
    };

    render() {
        if (!this.state.error) return this.props.children;
        return <div data-testid="record-crashed"><ErrorState titleKey="app.error_state.record" detailKey="app.error_state.crashed" onRetry={this.retry} /></div>;
    }
}
