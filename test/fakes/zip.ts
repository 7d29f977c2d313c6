/**
 * Just enough ZIP for tests (Node has no unzip): read an archive through its central directory
 * (so streamed archives with data descriptors work, and ZIP64), and write a small one to seed an
 * artifact. Stored and deflated entries; CRC-32 checked.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Entries carry a fixed, valid timestamp (00:00 on 1980-01-01): archives are reproducible. */
const DOS_DATE_1980_01_01 = (1 << 5) | 1;

function fail(message: string): never {
  throw new Error(`unzip: ${message}`);
}

function findEndOfCentralDirectory(zip: Buffer): number {
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= earliest; at--) if (zip.readUInt32LE(at) === EOCD) return at;
  fail('no end-of-central-directory record (not a zip file?)');
}

interface Directory {
  count: number;
  offset: number;
}

function readDirectory(zip: Buffer): Directory {
  const eocd = findEndOfCentralDirectory(zip);
  let count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || zip.readUInt32LE(locator) !== ZIP64_LOCATOR) fail('ZIP64 sizes without a ZIP64 locator');
    const record = Number(zip.readBigUInt64LE(locator + 8));
    if (zip.readUInt32LE(record) !== ZIP64_EOCD) fail('bad ZIP64 end-of-central-directory record');
    count = Number(zip.readBigUInt64LE(record + 32));
    offset = Number(zip.readBigUInt64LE(record + 48));
  }
  return { count, offset };
}

/** Sizes and offset from the ZIP64 extra field, for the fields saturated at 0xffffffff. */
function applyZip64(extra: Buffer, sizes: { uncompressed: number; compressed: number; localOffset: number }): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      for (const name of ['uncompressed', 'compressed', 'localOffset'] as const) {
        if (sizes[name] === 0xffffffff) {
          sizes[name] = Number(extra.readBigUInt64LE(field));
          field += 8;
        }
      }
      return;
    }
    at += 4 + length;
  }
}

/**
 * An entry's name: UTF-8 when flagged so, else from Info-ZIP's Unicode Path extra field (0x7075),
 * else UTF-8 when the bytes are valid UTF-8, else Latin-1 (close to the CP437 of old archivers).
 */
function entryName(raw: Buffer, utf8Flag: boolean, extra: Buffer): string {
  if (utf8Flag) return raw.toString('utf8');
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x7075 && length > 5) return extra.subarray(at + 9, at + 4 + length).toString('utf8');
    at += 4 + length;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return raw.toString('latin1');
  }
}

/** Every file of a zip archive: name (with `/` separators) → bytes. Directories are left out. */
export function unzipArtifact(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const { count, offset } = readDirectory(zip);
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL) fail(`bad central directory entry ${i} at offset ${at}`);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const sizes = { compressed: zip.readUInt32LE(at + 20), uncompressed: zip.readUInt32LE(at + 24), localOffset: zip.readUInt32LE(at + 42) };
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const extra = zip.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    const name = entryName(zip.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0, extra);
    applyZip64(extra, sizes);
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if ((flags & 0x1) !== 0) fail(`${name}: encrypted entries are not supported`);

    const local = sizes.localOffset;
    if (zip.readUInt32LE(local) !== LOCAL) fail(`${name}: bad local header`);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataStart, dataStart + sizes.compressed);
    let data: Buffer;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) data = inflateRawSync(raw);
    else fail(`${name}: compression method ${method} is not supported`);
    if (data.length !== sizes.uncompressed) fail(`${name}: size ${data.length}, directory says ${sizes.uncompressed}`);
    if (crc32(data) !== crc) fail(`${name}: CRC-32 mismatch`);
    if (files.has(name)) fail(`${name}: duplicate entry`);
    files.set(name, data);
  }
  return files;
}

/** A zip of the given files (deflated; small archives only: no ZIP64). */
export function zipFiles(files: Record<string, Buffer | string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(DOS_DATE_1980_01_01, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_DATE_1980_01_01, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
