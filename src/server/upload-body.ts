import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, invalidInput } from '../core/errors.ts';

/**
 * Upload routes take their body as the raw request stream: nothing is read, parsed or written until the
 * handler has checked who is asking (issue 13). Install inside the route's own plugin scope.
 */
export function takeBodyAsStream(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', (_req, payload, done) => {
    done(null, payload);
  });
}

export const bodyTooLarge = (limitBytes: number): DomainError =>
  new DomainError(
    'InvalidInput',
    'BODY_TOO_LARGE',
    `The request body is larger than ${Math.round(limitBytes / 1024)} KB.`,
    { limitBytes },
  );

function streamOf(req: FastifyRequest): Readable | null {
  const body = req.body;
  if (body && typeof (body as Readable).pipe === 'function') return body as Readable;
  return null;
}

/** The body as bytes, refused as soon as it passes `limitBytes` (call only after the access checks). */
export async function readBodyCapped(req: FastifyRequest, limitBytes: number): Promise<Buffer> {
  const stream = streamOf(req);
  if (!stream) return Buffer.alloc(0);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) throw bodyTooLarge(limitBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > limitBytes) {
      stream.destroy();
      throw bodyTooLarge(limitBytes);
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks, size);
}

export interface QuarantinedFile {
  /** Where the bytes wait until the caller's checks pass. */
  path: string;
  sha256: string;
  sizeBytes: number;
  /** Deletes the quarantined file (when the upload is refused or after it was moved). */
  discard(): Promise<void>;
}

/**
 * Streams the body into `<dir>/quarantine/` while hashing it, never holding it whole in memory; refuses
 * it (and deletes the partial file) past `limitBytes` or when empty. The caller moves it into place only
 * after its checks pass, or discards it.
 */
export async function streamToQuarantine(
  req: FastifyRequest,
  dir: string,
  limitBytes: number,
  emptyCode: string,
): Promise<QuarantinedFile> {
  const stream = streamOf(req);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) throw bodyTooLarge(limitBytes);
  if (!stream) throw invalidInput(emptyCode, 'Send the file as the request body.');
  const quarantine = join(dir, 'quarantine');
  await mkdir(quarantine, { recursive: true });
  const path = join(quarantine, `${randomBytes(9).toString('hex')}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const discard = () => rm(path, { force: true });
  try {
    await pipeline(
      stream,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          size += chunk.length;
          if (size > limitBytes) throw bodyTooLarge(limitBytes);
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(path, { flags: 'wx' }),
    );
  } catch (e) {
    await discard();
    throw e;
  }
  if (size === 0) {
    await discard();
    throw invalidInput(emptyCode, 'Send the file as the request body.');
  }
  return { path, sha256: hash.digest('hex'), sizeBytes: size, discard };
}
