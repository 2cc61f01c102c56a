import type { ReviewRequest } from '../domain/types';
import { ClaimStatus } from './ClaimStatus';
import { DecisionBar } from './DecisionBar';
import type { DecisionFlow } from './flow/useDecisionFlow';
import { SupervisorClaimActions } from './SupervisorClaimActions';

/** Who holds the request, a supervisor's take-back and reassign, and the decision buttons. */
export function DecisionPanel({ resource, record, flow }: { resource: string; record: ReviewRequest; flow: DecisionFlow }) {
    return (
        <>
            <ClaimStatus record={record} heldByMe={flow.heldByMe} />
            <SupervisorClaimActions resource={resource} record={record} />
            <DecisionBar resource={resource} record={record} flow={flow} />
        </>
    );
}
