import { componentSchemas } from './components';
import { errorResponses, paths } from './paths';

// The review API as an OpenAPI 3.1 document, generated from the contract's schemas (src/contract) and the endpoint table
// (paths.ts). `npm run openapi` writes it to docs/openapi.json; a test fails when that file is stale; the API serves it
// at GET /api/openapi.json.

const TAGS: Record<string, string> = {
    auth: 'Signing in and out (docs/api.md §2)',
    verifications: 'Real-name verification requests: the queue and its actions (§6.1, §7)',
    cancellations: 'Account cancellation requests: the queue and its actions, with four eyes on large refunds (§6.2, §7)',
    catalogue: 'The reason catalogue and the accounts (§6.3, §6.4)',
    audit: 'The append-only audit trail (§6.5)',
    supervision: 'Statistics and quality sampling, for supervisors (§6.7 to §6.9)',
    documents: 'Document images, loaded without the token (§6.6)',
};

export function openApiDocument() {
    return {
        openapi: '3.1.0',
        info: {
            title: 'Axis review API',
            version: '1.0.0',
            description: 'Real-name verification and account cancellation review. The rules, the order of checks and every error are in docs/api.md; this document gives the shapes. It is served at GET /api/openapi.json.',
            license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
        },
        servers: [{ url: '/api', description: 'The API base (a console build points elsewhere with VITE_API_URL)' }],
        security: [{ bearer: [] }],
        tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
        paths: paths(),
        components: {
            securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The token of POST /auth/login' }, intakeKey: { type: 'apiKey', in: 'header', name: 'X-Intake-Key', description: 'A key of API_INTAKE_KEYS: the customer app, never an operator (docs/api.md §6.11)' } },
            responses: errorResponses(),
            schemas: componentSchemas(),
        },
    };
}

/** The document as docs/openapi.json holds it. */
export const openApiText = () => `${JSON.stringify(openApiDocument(), null, 2)}\n`;
