/**
 * Uploaded images: checked by their content, re-encoded, stored on disk under UPLOAD_DIR (outside the build
 * output) with a row in `upload`, and served only to those allowed to see them.
 *
 * Nothing the client says about a file is trusted: not its name, not its Content-Type. The bytes are sniffed
 * with sharp (libvips), and only JPEG, PNG and WebP are accepted. What is stored is never the original: every
 * image is decoded and re-encoded to WebP (a display size and a thumbnail), which also drops EXIF (GPS
 * positions from phone cameras) and anything hidden after the image data.
 */
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData,
} from "@remix-run/node";
import { sql } from "kysely";
import sharp, { type OutputInfo } from "sharp";
import type { UploadPurpose } from "../../db/schema";
import { MAX_PHOTO_BYTES } from "~/exhibitors/vocabulary";
import type { Executor } from "./db.server";
import { getEnv } from "./env.server";
import { fail, ok, type Result } from "./result";

export const MAX_UPLOAD_BYTES = MAX_PHOTO_BYTES;
/** A decompression bomb guard: a 5 MB PNG can claim 100 000 × 100 000 pixels. */
const MAX_INPUT_PIXELS = 40_000_000;
const DISPLAY_PX = 1280;
const THUMB_PX = 480;
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp"]);

export type UploadRefusal = "too_large" | "unsupported_type" | "not_an_image";
export type UploadVariant = "display" | "thumb";
export const UPLOAD_VARIANTS: readonly UploadVariant[] = ["display", "thumb"];

export type StoredUpload = {
  id: string;
  contentType: "image/webp";
  sizeBytes: number;
  width: number;
  height: number;
  storageKey: string;
  thumbKey: string;
};

function uploadRoot(): string {
  return path.resolve(getEnv().UPLOAD_DIR);
}

/** The file of a stored key; a key never leaves the upload directory (keys are ours, but check anyway). */
function fileOf(key: string): string {
  const root = uploadRoot();
  const file = path.resolve(root, key);
  if (!file.startsWith(root + path.sep)) throw new Error(`upload key outside UPLOAD_DIR: ${key}`);
  return file;
}

async function writeAtomically(file: string, data: Buffer) {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, data);
  await rename(temp, file);
}

/**
 * Checks an image by its content and stores it re-encoded: a display WebP (at most 1280 px on the long side)
 * and a 480 px thumbnail. Refusals: `too_large` (over 5 MB, or over 40 megapixels), `unsupported_type` (an
 * image, but not JPEG, PNG or WebP: GIF, SVG, TIFF, HEIC…), `not_an_image` (anything else, whatever its name).
 *
 * @example await storeImage(db, await file.arrayBuffer().then(Buffer.from), "product_photo", user.id, file.name)
 */
export async function storeImage(
  db: Executor,
  buffer: Buffer,
  purpose: UploadPurpose,
  ownerUserId: string | null,
  originalName = "",
  opts: { maxBytes?: number } = {},
): Promise<Result<StoredUpload, UploadRefusal>> {
  if (buffer.length > (opts.maxBytes ?? MAX_UPLOAD_BYTES)) return fail("too_large");
  if (buffer.length === 0) return fail("not_an_image");
  let format: string | undefined;
  let pixels = 0;
  try {
    const meta = await sharp(buffer, { limitInputPixels: false }).metadata();
    format = meta.format;
    pixels = (meta.width ?? 0) * (meta.height ?? 0) * Math.max(1, meta.pages ?? 1);
  } catch {
    return fail("not_an_image");
  }
  if (!format) return fail("not_an_image");
  if (!ACCEPTED_FORMATS.has(format)) return fail("unsupported_type");
  if (pixels > MAX_INPUT_PIXELS) return fail("too_large");

  let display: { data: Buffer; info: OutputInfo };
  let thumb: Buffer;
  try {
    // rotate() applies the EXIF orientation before the metadata is dropped; animation is not kept (first frame).
    const base = sharp(buffer, { limitInputPixels: MAX_INPUT_PIXELS }).rotate();
    display = await base.clone().resize(DISPLAY_PX, DISPLAY_PX, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
    thumb = await base.clone().resize(THUMB_PX, THUMB_PX, { fit: "inside", withoutEnlargement: true }).webp({ quality: 75 }).toBuffer();
  } catch {
    // The header looked fine but the data is broken (a truncated JPEG, a renamed half file).
    return fail("not_an_image");
  }

  const id = randomUUID();
  const storageKey = `${id.slice(0, 2)}/${id}.webp`;
  const thumbKey = `${id.slice(0, 2)}/${id}-thumb.webp`;
  await writeAtomically(fileOf(storageKey), display.data);
  await writeAtomically(fileOf(thumbKey), thumb);
  const row = {
    id, purpose, ownerUserId, contentType: "image/webp" as const, sizeBytes: display.data.length,
    width: display.info.width, height: display.info.height, storageKey, thumbKey,
    originalName: cleanName(originalName),
  };
  try {
    await db.insertInto("upload").values(row).execute();
  } catch (error) {
    await removeUploadFiles({ storageKey, thumbKey });
    throw error;
  }
  return ok({ id, contentType: row.contentType, sizeBytes: row.sizeBytes, width: row.width, height: row.height, storageKey, thumbKey });
}

const cleanName = (name: string) => name.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200);

/** Largest signed document (a PDF, or a phone photo of the paper): 10 MB, the upload table's ceiling. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export type StoredDocument = { id: string; contentType: "application/pdf" | "image/webp"; sizeBytes: number };

/**
 * Stores a signed document (a deal's order letter, an MoU): a PDF, recognised by its first bytes (`%PDF-`) and
 * kept as it is, or a photo (JPEG, PNG, WebP), which goes through storeImage and is re-encoded. Anything else,
 * whatever its name or type says, is `not_a_document`; over 10 MB is `too_large`.
 *
 * @example await storeDocument(db, Buffer.from(await file.arrayBuffer()), user.id, file.name)
 */
export async function storeDocument(
  db: Executor, buffer: Buffer, ownerUserId: string | null, originalName = "",
): Promise<Result<StoredDocument, "too_large" | "not_a_document">> {
  if (buffer.length > MAX_DOCUMENT_BYTES) return fail("too_large");
  if (buffer.subarray(0, 5).toString("latin1") !== "%PDF-") {
    const image = await storeImage(db, buffer, "document", ownerUserId, originalName, { maxBytes: MAX_DOCUMENT_BYTES });
    if (!image.ok) return fail(image.reason === "too_large" ? "too_large" : "not_a_document");
    return ok({ id: image.value.id, contentType: image.value.contentType, sizeBytes: image.value.sizeBytes });
  }
  const id = randomUUID();
  const storageKey = `${id.slice(0, 2)}/${id}.pdf`;
  await writeAtomically(fileOf(storageKey), buffer);
  try {
    await db.insertInto("upload").values({
      id, purpose: "document", ownerUserId, contentType: "application/pdf", sizeBytes: buffer.length, width: null, height: null,
      storageKey, thumbKey: null, originalName: cleanName(originalName),
    }).execute();
  } catch (error) {
    await removeUploadFiles({ storageKey, thumbKey: null });
    throw error;
  }
  return ok({ id, contentType: "application/pdf", sizeBytes: buffer.length });
}

/** The file of a stored upload key, for routes that have checked access themselves. */
export function uploadFilePath(storageKey: string): string {
  return fileOf(storageKey);
}

/** A stored document's file and type, for a route that has already checked who may see it. */
export async function getDocumentFile(db: Executor, uploadId: string) {
  const row = await db.selectFrom("upload").select(["contentType", "storageKey", "originalName"])
    .where("id", "=", uploadId).where("purpose", "=", "document").executeTakeFirst();
  return row ? { contentType: row.contentType, file: fileOf(row.storageKey), originalName: row.originalName } : undefined;
}

/** Deletes an upload's files (after its row is gone or was never written). Missing files are fine. */
export async function removeUploadFiles(keys: { storageKey: string; thumbKey: string | null }) {
  for (const key of [keys.storageKey, keys.thumbKey]) if (key) await rm(fileOf(key), { force: true });
}

/** Deletes an upload row and its files, e.g. when a product photo is replaced. */
export async function deleteUpload(db: Executor, uploadId: string) {
  const row = await db.deleteFrom("upload").where("id", "=", uploadId).returning(["storageKey", "thumbKey"]).executeTakeFirst();
  if (row) await removeUploadFiles(row);
}

export type ServableUpload = { contentType: string; file: string; isPublic: boolean; originalName: string };

/**
 * An upload the viewer may see, or undefined (the route answers 404 either way, so nobody learns which ids exist).
 * Allowed: its owner; anyone, when it belongs to a business accepted at a published event (a public profile);
 * members of an organization to whose event the business submitted an application (curators look at products).
 */
export async function getServableUpload(db: Executor, uploadId: string, variant: UploadVariant, viewerUserId: string | null) {
  const owners = sql`(select p.business_id from product p where p.photo_upload_id = u.id
    union select b.id from business b where b.logo_upload_id = u.id)`;
  const result = await sql<{
    contentType: string; storageKey: string; thumbKey: string | null; ownerUserId: string | null; originalName: string;
    isPublic: boolean; isOrgViewer: boolean;
  }>`
    select u.content_type as "contentType", u.storage_key as "storageKey", u.thumb_key as "thumbKey",
      u.owner_user_id as "ownerUserId", u.original_name as "originalName",
      exists (select 1 from application a join event e on e.id = a.event_id
        where a.business_id in ${owners} and a.status = 'accepted' and e.status = 'published') as "isPublic",
      exists (select 1 from application a join event e on e.id = a.event_id
        join membership m on m.organization_id = e.organization_id
        where a.business_id in ${owners} and a.status <> 'draft' and m.user_id = ${viewerUserId}::uuid) as "isOrgViewer"
    from upload u where u.id = ${uploadId}::uuid`.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  const isOwner = viewerUserId !== null && row.ownerUserId === viewerUserId;
  if (!row.isPublic && !isOwner && !row.isOrgViewer) return undefined;
  const key = variant === "thumb" ? row.thumbKey ?? row.storageKey : row.storageKey;
  return { contentType: row.contentType, file: fileOf(key), isPublic: row.isPublic, originalName: row.originalName } satisfies ServableUpload;
}

/** The bytes of a stored file, or null when the file is gone (the disk was not restored with the database). */
export async function readUploadFile(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** The URL of an upload's variant (the resource route app/routes/uploads.$uploadId.$variant.tsx). */
export function uploadUrl(uploadId: string, variant: UploadVariant): string {
  return `/uploads/${uploadId}/${variant}`;
}

/**
 * Reads a form that may carry a file, keeping each part in memory up to `maxBytes`. An oversized file (or a
 * request that announces more than that) is the refusal `too_large`, for a field error instead of a 500. A form
 * sent without a file input (urlencoded) is read as usual.
 */
export async function readUploadForm(request: Request, maxBytes = MAX_UPLOAD_BYTES): Promise<Result<FormData, "too_large" | "bad_form">> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) {
    try {
      return ok(await request.formData());
    } catch {
      return fail("bad_form");
    }
  }
  // Room for the other fields and the multipart framing around the one file.
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes + 256 * 1024) return fail("too_large");
  try {
    return ok(await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxBytes })));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return fail("too_large");
    // A broken multipart body (no boundary, cut off) is bad input, not a server error.
    return fail("bad_form", error instanceof Error ? error.message : String(error));
  }
}
