import type { AccountRequest } from './request.js';

// Jumio accepts an ID credential as a PDF for one document only: the Brazilian digital driving
// licence (from the "Carteira Digital de Trânsito" app), when the request presets ID country BRA
// and type DRIVING_LICENSE (both DEFINED) and the tenant has the feature enabled. The client and
// the simulator read this one rule.

/** Why a PDF was refused for an ID part, for messages. */
export const ID_PDF_MESSAGE =
  "a PDF is accepted for an ID part only for the Brazilian digital driving licence: the request must preset .id({ country: 'BRA', type: 'DRIVING_LICENSE' }) (and Jumio support must enable Brazilian PDFs for the tenant); otherwise upload a JPEG or PNG image";

/** Whether a request presets the Brazilian digital driving licence, the one ID Jumio takes as a PDF. */
export function acceptsIdPdf(request: AccountRequest): boolean {
  const preset = request.workflowDefinition.credentials?.find((c) => c.category === 'ID');
  if (preset === undefined || preset.category !== 'ID') return false;
  const only = (values: { predefinedType: string; values: readonly string[] } | undefined, value: string) =>
    values?.predefinedType === 'DEFINED' && values.values.length === 1 && values.values[0] === value;
  return only(preset.country, 'BRA') && only(preset.type, 'DRIVING_LICENSE');
}
