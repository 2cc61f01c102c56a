import { idBirthDate, idSex } from '../src/domain/idNumber';
import { DISTRICTS } from '../src/domain/regions';
import type { ReviewRequest } from '../src/domain/types';
import type { DocumentSource } from '../server/http/deps';
import { idCardBackSvg, idCardFrontSvg, placeholderSvg, portraitSvg } from './documents';
import type { DocumentTraits } from './seed/seed';

// The demo's document images, drawn from each seeded request and its document traits (mocks/documents.ts): what the mock
// and a review server with demo data serve at {base}/documents/{requestId}/{id-front|id-back|selfie}.svg.

export type DocumentFacts = (requestId: string) => Promise<{ request: ReviewRequest; traits: DocumentTraits } | null>;

function draw(request: ReviewRequest, traits: DocumentTraits, name: string): string {
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

export function generatedDocuments(facts: DocumentFacts, purge: (requestId: string) => Promise<void> = async () => undefined): DocumentSource {
    return {
        async image(requestId, file) {
            const name = /^(id-front|id-back|selfie)\.svg$/.exec(file)?.[1];
            const found = name ? await facts(requestId) : null;
            // A purged record has nothing left to draw from (docs/api.md §6.12).
            if (found?.request.identityPurgedAt) return null;
            return found && name ? { body: draw(found.request, found.traits, name), contentType: 'image/svg+xml' } : null;
        },
        purgeDocuments: purge,
    };
}
