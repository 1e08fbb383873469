import type { CredentialCategory } from '../model/codes.js';
import { ID_PDF_MESSAGE } from '../model/id-pdf.js';
import { MAX_UPLOAD_BYTES } from '../model/limits.js';
import { problem } from './problem.js';

export { MAX_UPLOAD_BYTES };

const MAGIC: readonly { type: string; bytes: readonly number[] }[] = [
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
];

/** The file type by magic bytes: JPEG, PNG, PDF, or `undefined`. */
export function sniffType(bytes: Uint8Array): string | undefined {
  return MAGIC.find((m) => m.bytes.every((b, i) => bytes[i] === b))?.type;
}

/** A part read from an upload request, or the error response to send. */
export type UploadResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly contentType: string }
  | { readonly ok: false; readonly response: Response };

const fail = (detail: string): UploadResult => ({ ok: false, response: problem(400, detail) });

/** Reads prepared data: a JSON object body. */
async function readPreparedData(request: Request): Promise<UploadResult> {
  const text = await request.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('prepared data must be a JSON object (the body is not valid JSON)');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('prepared data must be a JSON object');
  }
  return { ok: true, bytes: new TextEncoder().encode(text), contentType: 'application/json' };
}

/** What an upload may carry besides images, by its execution. */
export interface UploadAllowance {
  /** An ID part may be a PDF: the request preset the Brazilian digital driving licence. */
  readonly idPdf?: boolean;
  /** A FACEMAP part is the stored facemap, a binary file taken as it is (workflow 16, API only). */
  readonly facemapBinary?: boolean;
}

/**
 * Reads and checks one part: multipart field `file`, JPEG or PNG (DOCUMENT also PDF; ID also PDF
 * when `idPdf`) by magic bytes, at most 15 MB; a FACEMAP binary as it is when `facemapBinary`;
 * for DATA credentials a JSON object.
 */
export async function readUpload(
  request: Request,
  category: CredentialCategory,
  { idPdf = false, facemapBinary = false }: UploadAllowance = {},
): Promise<UploadResult> {
  if (category === 'DATA') return readPreparedData(request);
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_UPLOAD_BYTES + 64 * 1024) return fail(`file must be at most 15 MB (got ${declared} bytes)`);
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
    return fail('the body must be multipart/form-data with the image in a field named "file"');
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return fail('the multipart body could not be parsed');
  }
  const file = form.get('file');
  if (file === null || typeof file === 'string') return fail('multipart field "file" with the image is required');
  if (file.size > MAX_UPLOAD_BYTES) return fail(`file must be at most 15 MB (got ${file.size} bytes)`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (category === 'FACEMAP' && facemapBinary) {
    if (bytes.length === 0) return fail('file must not be empty (the stored facemap, a binary file)');
    return { ok: true, bytes, contentType: 'application/octet-stream' };
  }
  const type = sniffType(bytes);
  const pdf = category === 'DOCUMENT' || (category === 'ID' && idPdf);
  if (type === 'application/pdf' && category === 'ID' && !idPdf) return fail(`file: ${ID_PDF_MESSAGE}`);
  const accepted = pdf ? ['image/jpeg', 'image/png', 'application/pdf'] : ['image/jpeg', 'image/png'];
  if (type === undefined || !accepted.includes(type)) {
    const allowed = pdf ? 'JPEG, PNG or PDF' : 'JPEG or PNG';
    return fail(
      `file must be ${allowed} (${type ? `got ${type}` : 'unrecognised content'}) for a ${category} credential`,
    );
  }
  return { ok: true, bytes, contentType: type };
}
