/** Walk-in intakes as the counter form sends them, for the sample procedures, with new citizens. */
import type { Procedure } from '../../src/shared/catalog/procedure';
import type { IntakeInput } from '../../src/shared/dossiers/dossier-schemas';
import { personAt } from '../gen/people';
import { Rng } from '../gen/rng';

const CODES = ['2.000815', '2.000815', '2.000815', '2.000884', '1.001193', '1.004873', '2.000635', '1.001612', '1.000894', '2.000908'];

export function intakeInputs(procedures: Map<string, Procedure>, n: number, seed: number, birthYear: number): IntakeInput[] {
  const rng = new Rng(seed, 77);
  return Array.from({ length: n }, (_, i) => {
    const p = procedures.get(CODES[i % CODES.length])!;
    const who = personAt(seed + 1_000_003, i, birthYear);
    const perPage = p.fees.some((f) => f.kind === 'PER_PAGE_TIERED');
    const perCopy = p.fees.some((f) => f.kind === 'PER_COPY');
    return {
      procedureCode: p.code,
      channel: '1',
      applicant: {
        fullName: who.fullName,
        idNumber: who.idNumber,
        birthDate: who.birthDate,
        sex: who.sex,
        address: who.address,
        ...(who.phone ? { phone: who.phone } : {}),
        ...(who.email ? { email: who.email } : {}),
      },
      documents: p.documents
        .filter((d) => d.required)
        .map((d) => ({ ...(d.code ? { code: d.code } : {}), name: d.name, originals: d.originals, certifiedCopies: d.certifiedCopies, copies: perPage ? rng.int(1, 4) : d.copies })),
      sets: 1,
      fee: {
        collection: 'THUTRUOC',
        ...(perPage || perCopy ? { copies: rng.int(1, 4) } : {}),
        ...(perPage ? { pagesPerCopy: rng.int(1, 6) } : {}),
        ...(p.fees.length > 1 ? { feeCodes: [p.fees[0].code] } : {}),
      },
      resultDelivery: '0',
    } satisfies IntakeInput;
  });
}
