import { inflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { account } from '../../src/index.js';
import { type Simulator, sampleFiles } from '../../src/simulator/index.js';
import { simulatedClient } from '../support/simulated-client.js';

// sampleFiles: tiny files that are what they say (read as their format's decoder reads them), and
// that the client uploads and the simulator accepts.
const open: Simulator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const u16 = (b: Uint8Array, at: number) => (b[at] as number) * 256 + (b[at + 1] as number);
const u32 = (b: Uint8Array, at: number) => u16(b, at) * 65536 + u16(b, at + 2);

describe('sampleFiles', () => {
  it('jpeg: SOI, a baseline frame of 1×1 with 3 components, a scan, EOI', () => {
    const jpeg = sampleFiles.jpeg;
    expect([...jpeg.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect([...jpeg.subarray(-2)]).toEqual([0xff, 0xd9]);
    const markers: number[] = [];
    let at = 2;
    while (at < jpeg.length) {
      expect(jpeg[at]).toBe(0xff);
      const marker = jpeg[at + 1] as number;
      markers.push(marker);
      if (marker === 0xda) break; // the scan runs to EOI
      if (marker === 0xc0) {
        expect({ height: u16(jpeg, at + 5), width: u16(jpeg, at + 7), components: jpeg[at + 9] }).toEqual({
          height: 1,
          width: 1,
          components: 3,
        });
      }
      at += 2 + u16(jpeg, at + 2);
    }
    expect(markers).toEqual(expect.arrayContaining([0xe0, 0xdb, 0xc0, 0xc4, 0xda]));
    expect(jpeg.length).toBeLessThan(400);
  });

  it('png: signature, IHDR 1×1, IDATs that inflate to one row, IEND', () => {
    const png = sampleFiles.png;
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const chunks: { type: string; data: Uint8Array }[] = [];
    for (let at = 8; at < png.length; ) {
      const length = u32(png, at);
      const type = new TextDecoder().decode(png.subarray(at + 4, at + 8));
      chunks.push({ type, data: png.subarray(at + 8, at + 8 + length) });
      at += 12 + length;
    }
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IDAT', 'IEND']); // the zlib stream in two chunks
    const ihdr = chunks[0]?.data as Uint8Array;
    expect({ width: u32(ihdr, 0), height: u32(ihdr, 4), depth: ihdr[8], colour: ihdr[9] }).toEqual({
      width: 1,
      height: 1,
      depth: 8,
      colour: 6, // RGBA
    });
    const stream = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
    expect(inflateSync(stream)).toHaveLength(1 + 4); // filter byte + one RGBA pixel
  });

  it('pdf: header, objects where the xref table says, startxref at the xref table, %%EOF', () => {
    const text = new TextDecoder().decode(sampleFiles.pdf);
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n/.exec(text)?.[1]);
    expect(text.slice(startxref).startsWith('xref\n0 4\n')).toBe(true);
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(3);
    offsets.forEach((offset, i) => {
      expect(text.slice(offset).startsWith(`${i + 1} 0 obj\n`)).toBe(true);
    });
  });

  it('each read gives fresh bytes', () => {
    const first = sampleFiles.jpeg;
    first[0] = 0;
    expect(sampleFiles.jpeg[0]).toBe(0xff);
  });

  it('the client uploads them and the simulator processes the execution', async () => {
    const { sim, client } = simulatedClient(open, { simulator: { processingDelayMs: 0 } });
    const idv = await client.send(account().ref('samples-1').workflow(10011));
    await client.upload(idv, 'front', sampleFiles.jpeg);
    await client.upload(idv, 'back', sampleFiles.png);
    await client.upload(idv, 'face', sampleFiles.jpeg);
    await client.finalize(idv);
    const docv = await client.send(account().ref('samples-2').workflow(10026).document('USA', 'BS'));
    await client.upload(docv, 'document', sampleFiles.pdf);
    await client.finalize(docv);
    await sim.tick();
    expect((await client.status(idv)).workflowExecution.status).toBe('PROCESSED');
    expect((await client.status(docv)).workflowExecution.status).toBe('PROCESSED');
  });
});
