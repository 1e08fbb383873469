// Tiny valid files for tests and demos: a 1×1 grey JPEG (283 bytes), a 1×1 grey PNG (70 bytes) and
// a one-page empty PDF (327 bytes). Each decodes in a browser and passes the client's file checks.

const JPEG_BASE64 =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAABAAEDASIAAhEBAxEB/8QAFAABAAAAAAAAAAAAAAAAAAAAAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/xAAUAQEAAAAAAAAAAAAAAAAAAAAA/8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAwDAQACEQMRAD8AAA//2Q==';
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4AWJqaGj4DwAAAP//C4xaGgAAAAZJREFUAwAFjgKCW5ctWAAAAABJRU5ErkJggg==';
const PDF_TEXT =
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >>\nendobj\nxref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n0000000115 00000 n \ntrailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n184\n%%EOF\n';

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/**
 * The sample files {@link sampleFiles} holds.
 *
 * @example
 * ```ts
 * import { type SampleFiles, sampleFiles } from 'jumio-kyx/simulator';
 * const { jpeg, png, pdf }: SampleFiles = sampleFiles;
 * ```
 */
export interface SampleFiles {
  /** A 1×1 JPEG (283 bytes): any image part (`front`, `back`, `face`, `document`). */
  readonly jpeg: Uint8Array;
  /** A 1×1 PNG (70 bytes): any image part. */
  readonly png: Uint8Array;
  /** A one-page PDF (327 bytes): the `document` part. */
  readonly pdf: Uint8Array;
}

/**
 * Tiny valid files to upload in tests and demos, so nobody has to hand-make a JPEG. Each read
 * returns fresh bytes: changing one does not change the next.
 *
 * @example
 * ```ts
 * import { sampleFiles } from 'jumio-kyx/simulator';
 * import { account, createClient } from 'jumio-kyx';
 * declare const client: ReturnType<typeof createClient>;
 * const response = await client.send(account().ref('order-1').workflow(10011));
 * await client.upload(response, 'front', sampleFiles.jpeg);
 * await client.upload(response, 'face', sampleFiles.png);
 * ```
 */
export const sampleFiles: SampleFiles = {
  get jpeg() {
    return fromBase64(JPEG_BASE64);
  },
  get png() {
    return fromBase64(PNG_BASE64);
  },
  get pdf() {
    return new TextEncoder().encode(PDF_TEXT);
  },
};
