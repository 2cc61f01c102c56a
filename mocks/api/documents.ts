import { http, type HttpHandler } from 'msw';
import { idBirthDate, idSex } from '../../src/domain/idNumber';
import { DISTRICTS } from '../../src/domain/regions';
import type { Db } from '../db';
import { idCardBackSvg, idCardFrontSvg, placeholderSvg, portraitSvg } from '../documents';
import { publicEndpoint, type ServerOptions } from './endpoint';
import { ApiError } from './respond';

// Generated document images. In production these are pre-signed URLs from document storage, so the
// browser loads them without the bearer token; the mock mirrors that by serving them without auth.

function drawDocument(db: Db, requestId: string, name: string): string {
    const request = db.findAny(requestId);
    const traits = db.state.documentTraits[requestId];
    if (!request || !traits) throw new ApiError(404, 'not_found', 'no such document');
    const holder = request.kind === 'verification'
        ? { name: request.card.name ?? request.fullName, idNumber: request.card.idNumber ?? request.idNumber, address: request.address, validFrom: request.card.validFrom, validUntil: request.card.validUntil }
        : { name: request.holderName, idNumber: '', address: '', validFrom: null, validUntil: null };
    const district = DISTRICTS[holder.idNumber.slice(0, 6)]?.zh ?? '';
    switch (name) {
        case 'id-front':
            return idCardFrontSvg({
                name: holder.name, sex: idSex(holder.idNumber), ethnicity: '汉', birthDate: idBirthDate(holder.idNumber) ?? '',
                address: holder.address, idNumber: holder.idNumber, portraitSeed: traits.portraitSeed,
            }, traits.front);
        case 'id-back':
            return idCardBackSvg({ authority: `${district}公安局`, validFrom: holder.validFrom ?? '', validUntil: holder.validUntil ?? '' }, traits.back);
        case 'selfie':
            return portraitSvg(traits.portraitSeed, { obstructed: traits.selfie });
        default:
            return placeholderSvg(name);
    }
}

export function documentHandlers(db: Db, options: ServerOptions): HttpHandler[] {
    return [
        http.get(`*${options.base}/documents/:requestId/:file`, publicEndpoint(db, options, ({ params }) => {
            const file = params.file ?? '';
            if (!/^(id-front|id-back|selfie)\.svg$/.test(file)) throw new ApiError(404, 'not_found', 'no such document');
            const svg = drawDocument(db, params.requestId ?? '', file.replace(/\.svg$/, ''));
            return new Response(svg, {
                headers: {
                    'Content-Type': 'image/svg+xml',
                    // An image must never run script, even when opened on its own.
                    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
                    'Cache-Control': 'private, max-age=300',
                    'Access-Control-Allow-Origin': '*',
                },
            });
        })),
    ];
}
