import { KyxValidationError } from '../errors/index.js';
import { ID_PDF_MESSAGE } from '../model/id-pdf.js';

/**
 * A file the client can upload as a credential part: raw bytes or a `Blob`/`File`.
 */
export type UploadFile = Blob | Uint8Array | ArrayBuffer;

import { MAX_UPLOAD_BYTES } from '../model/limits.js';

export { MAX_UPLOAD_BYTES };

const SIGNATURES = [
  { type: 'image/jpeg', extension: 'jpg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', extension: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'application/pdf', extension: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
] as const;

/** A file checked for upload, as a typed `Blob`. */
export interface CheckedFile {
  blob: Blob;
  type: string;
  extension: string;
}

/**
 * Checks a part file before anything is sent: not empty, at most 15 MB, and JPEG or PNG by its
 * magic bytes; PDF too for a DOCUMENT part, and for an ID part when `idPdf` (the request preset
 * the Brazilian digital driving licence). The FACEMAP binary (`facemap`) is sent as it is, as
 * `application/octet-stream`. Throws `KyxValidationError`.
 */
export async function checkFile(file: UploadFile, part: string, idPdf = false): Promise<CheckedFile> {
  const blob = file instanceof Blob ? file : new Blob([file instanceof ArrayBuffer ? file : new Uint8Array(file)]);
  const fail = (message: string) => new KyxValidationError({ issues: [{ path: 'file', message }], subject: 'upload' });
  if (blob.size === 0) throw fail('must not be empty');
  if (blob.size > MAX_UPLOAD_BYTES) throw fail(`must be at most 15 MB (${MAX_UPLOAD_BYTES} bytes), got ${blob.size}`);
  if (part === 'facemap') {
    const type = 'application/octet-stream';
    return { blob: new Blob([blob], { type }), type, extension: 'bin' };
  }
  const isId = part === 'front' || part === 'back';
  const allowPdf = part === 'document' || (isId && idPdf);
  const head = new Uint8Array(await blob.slice(0, 8).arrayBuffer());
  const match = SIGNATURES.find((s) => s.bytes.every((byte, i) => head[i] === byte));
  if (match?.type === 'application/pdf' && isId && !idPdf) throw fail(ID_PDF_MESSAGE);
  if (match === undefined || (match.type === 'application/pdf' && !allowPdf)) {
    throw fail(allowPdf ? 'must be a JPEG, PNG or PDF file' : 'must be a JPEG or PNG image');
  }
  return { blob: new Blob([blob], { type: match.type }), type: match.type, extension: match.extension };
}
