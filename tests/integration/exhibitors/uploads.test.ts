import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as productsRoute from "~/routes/exhibitor.products";
import * as uploadRoute from "~/routes/uploads.$uploadId.$variant";
import { MAX_UPLOAD_BYTES, storeImage } from "~/utils/uploads.server";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, get, post } from "../../helpers/http";
import { makeAccount, makeOrgWithStaff } from "../../helpers/factories";
import { makeEventWithCall, makeExhibitor, makeJpeg, makePng, postMultipart } from "../../helpers/exhibitor-factories";

const t = useTestDatabase();
let uploadDir: string;

beforeAll(() => {
  uploadDir = mkdtempSync(path.join(os.tmpdir(), "pendopo-uploads-"));
  process.env.UPLOAD_DIR = uploadDir;
});
afterAll(() => {
  delete process.env.UPLOAD_DIR;
  rmSync(uploadDir, { recursive: true, force: true });
});

const uploadCount = async () => Number((await t.db.selectFrom("upload").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

describe("storeImage", () => {
  it("accepts a real JPEG, re-encodes it to WebP at display size and writes a 480 px thumbnail", async () => {
    const owner = await makeAccount(t.db, "Foto JPEG");
    const stored = await storeImage(t.db, await makeJpeg(1600, 1200), "product_photo", owner.id, "kain.jpg");
    expect(stored.ok).toBe(true);
    if (!stored.ok) return;
    expect(stored.value).toMatchObject({ contentType: "image/webp", width: 1280, height: 960 });
    const thumb = await sharp(path.join(uploadDir, stored.value.thumbKey)).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(["webp", 480, 360]);
    const row = await t.db.selectFrom("upload").selectAll().where("id", "=", stored.value.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ ownerUserId: owner.id, purpose: "product_photo", contentType: "image/webp", originalName: "kain.jpg" });
  });

  it("accepts a small PNG without enlarging it", async () => {
    const stored = await storeImage(t.db, await makePng(64, 48), "product_photo", null);
    expect(stored).toMatchObject({ ok: true, value: { width: 64, height: 48 } });
  });

  it("refuses a text file named .jpg as not_an_image, whatever it claims", async () => {
    const before = await uploadCount();
    expect(await storeImage(t.db, Buffer.from("<?php echo 'bukan foto'; ?>\n".repeat(20)), "product_photo", null, "foto.jpg"))
      .toEqual({ ok: false, reason: "not_an_image" });
    // A JPEG header with nothing after it is not an image either.
    const jpeg = await makeJpeg(200, 200);
    expect(await storeImage(t.db, jpeg.subarray(0, 300), "product_photo", null, "potong.jpg")).toEqual({ ok: false, reason: "not_an_image" });
    expect(await storeImage(t.db, Buffer.alloc(0), "product_photo", null)).toEqual({ ok: false, reason: "not_an_image" });
    expect(await uploadCount()).toBe(before);
  });

  it("refuses images of other kinds (GIF, SVG) as unsupported_type", async () => {
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#7a3e12" } }).gif().toBuffer();
    expect(await storeImage(t.db, gif, "product_photo", null, "anim.gif")).toEqual({ ok: false, reason: "unsupported_type" });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>');
    expect(await storeImage(t.db, svg, "product_photo", null, "logo.png")).toEqual({ ok: false, reason: "unsupported_type" });
  });

  it("refuses a file over the cap, and a small file that claims too many pixels, as too_large", async () => {
    expect(await storeImage(t.db, Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0xff), "product_photo", null)).toEqual({ ok: false, reason: "too_large" });
    const huge = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: "#000" } }).png({ compressionLevel: 9, palette: true }).toBuffer();
    expect(huge.length).toBeLessThan(MAX_UPLOAD_BYTES);
    expect(await storeImage(t.db, huge, "product_photo", null)).toEqual({ ok: false, reason: "too_large" });
  });
});

describe("product photos through the products page", () => {
  it("adds a product with a photo and serves it to its owner with safe headers", async () => {
    const exhibitor = await makeExhibitor(t.db, "Produk Foto");
    const res = await callRoute(productsRoute.action, postMultipart("/exhibitor/products?form=add-product",
      { intent: "add-product", name: "Kain batik tulis Sekar Jagad", description: "Katun primissima, 2,4 m", price: "Rp 1.250.000" },
      { photo: { data: await makePng(), name: "sekar.png", type: "image/png" } }, exhibitor.cookie));
    expect(res.status).toBe(302);
    const product = await t.db.selectFrom("product").selectAll().where("businessId", "=", exhibitor.businessId).executeTakeFirstOrThrow();
    expect(product).toMatchObject({ name: "Kain batik tulis Sekar Jagad", priceIdr: "1250000" });
    expect(product.photoUploadId).not.toBeNull();

    const served = await callRoute(uploadRoute.loader, get(`/uploads/${product.photoUploadId}/thumb`, exhibitor.cookie), { uploadId: product.photoUploadId!, variant: "thumb" });
    expect(served.status).toBe(200);
    const headers = served.response!.headers;
    expect(headers.get("content-type")).toBe("image/webp");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("content-disposition")).toMatch(/^inline/);
    expect(headers.get("cache-control")).toMatch(/^private, max-age=31536000/);
    expect((await sharp(Buffer.from(await served.response!.arrayBuffer())).metadata()).format).toBe("webp");
  });

  it("answers an oversized photo with a field error on the photo (not a 500) and stores nothing", async () => {
    const exhibitor = await makeExhibitor(t.db, "Foto Besar");
    const before = await uploadCount();
    const res = await callRoute(productsRoute.action, postMultipart("/exhibitor/products?form=add-product",
      { intent: "add-product", name: "Selendang tenun" },
      { photo: { data: Buffer.alloc(MAX_UPLOAD_BYTES + 10_000, 0xff), name: "besar.jpg", type: "image/jpeg" } }, exhibitor.cookie));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ form: "add-product", result: { error: { photo: ["exhibitors.upload.too_large"] } } });
    expect(await uploadCount()).toBe(before);
    expect(await t.db.selectFrom("product").select("id").where("businessId", "=", exhibitor.businessId).execute()).toEqual([]);
  });

  it("answers a text file renamed .jpg with a field error and no product", async () => {
    const exhibitor = await makeExhibitor(t.db, "Foto Palsu");
    const res = await callRoute(productsRoute.action, postMultipart("/exhibitor/products?form=add-product",
      { intent: "add-product", name: "Selendang tenun" },
      { photo: { data: Buffer.from("ini bukan foto, hanya teks"), name: "foto.jpg", type: "image/jpeg" } }, exhibitor.cookie));
    expect(res.status).toBe(400);
    expect((res.body as { result: { error: Record<string, string[]> } }).result.error.photo).toEqual(["exhibitors.upload.not_an_image"]);
    expect(await t.db.selectFrom("product").select("id").where("businessId", "=", exhibitor.businessId).execute()).toEqual([]);
  });

  it("replaces a photo (the old files go) and never lets another exhibitor touch the product", async () => {
    const exhibitor = await makeExhibitor(t.db, "Ganti Foto");
    const other = await makeExhibitor(t.db, "Tetangga");
    await callRoute(productsRoute.action, postMultipart("/exhibitor/products", { intent: "add-product", name: "Blangkon" },
      { photo: { data: await makePng(), name: "a.png", type: "image/png" } }, exhibitor.cookie));
    const product = await t.db.selectFrom("product").select(["id", "photoUploadId"]).where("businessId", "=", exhibitor.businessId).executeTakeFirstOrThrow();
    const old = await t.db.selectFrom("upload").select(["storageKey", "thumbKey"]).where("id", "=", product.photoUploadId!).executeTakeFirstOrThrow();

    const foreign = await callRoute(productsRoute.action, postMultipart(`/exhibitor/products?form=photo-${product.id}`,
      { intent: "product-photo", productId: product.id }, { photo: { data: await makePng(20, 20), name: "b.png", type: "image/png" } }, other.cookie));
    expect(foreign.status).toBe(404);
    const del = await callRoute(productsRoute.action, post("/exhibitor/products", { intent: "delete-product", productId: product.id }, other.cookie));
    expect(del.status).toBe(404);

    const replaced = await callRoute(productsRoute.action, postMultipart(`/exhibitor/products?form=photo-${product.id}`,
      { intent: "product-photo", productId: product.id }, { photo: { data: await makeJpeg(300, 300), name: "c.jpg", type: "image/jpeg" } }, exhibitor.cookie));
    expect(replaced.status).toBe(302);
    expect(existsSync(path.join(uploadDir, old.storageKey))).toBe(false);
    expect(existsSync(path.join(uploadDir, old.thumbKey!))).toBe(false);
    expect(await t.db.selectFrom("upload").select("id").where("id", "=", product.photoUploadId!).execute()).toEqual([]);
  });
});

describe("who may see a photo", () => {
  it("is private until the business is accepted at a published event; organizers reviewing it see it", async () => {
    const { org, staff } = await makeOrgWithStaff(t.db, "Dekranasda Mojokerto");
    const { staff: otherStaff } = await makeOrgWithStaff(t.db, "EO Lain");
    const exhibitor = await makeExhibitor(t.db, "Batik Majapahit");
    const stranger = await makeAccount(t.db, "Orang Asing");
    const stored = await storeImage(t.db, await makePng(), "product_photo", exhibitor.id);
    if (!stored.ok) throw new Error(stored.reason);
    await t.db.insertInto("product").values({ businessId: exhibitor.businessId, name: "Batik Surya Majapahit", photoUploadId: stored.value.id }).execute();
    const url = `/uploads/${stored.value.id}/display`;
    const params = { uploadId: stored.value.id, variant: "display" };
    const status = async (cookie?: string) => (await callRoute(uploadRoute.loader, get(url, cookie), params)).status;

    expect(await status(exhibitor.cookie)).toBe(200);
    expect(await status()).toBe(404);
    expect(await status(stranger.cookie)).toBe(404);
    expect(await status(staff.curator.cookie)).toBe(404);

    const event = await makeEventWithCall(t.db, org.id);
    const app = await t.db.insertInto("application").values({ eventId: event.id, businessId: exhibitor.businessId, status: "submitted", submittedAt: new Date() })
      .returning("id").executeTakeFirstOrThrow();
    expect(await status(staff.curator.cookie)).toBe(200);
    expect(await status(otherStaff.owner.cookie)).toBe(404);
    expect(await status()).toBe(404);

    await t.db.updateTable("application").set({ status: "accepted" }).where("id", "=", app.id).execute();
    const open = await callRoute(uploadRoute.loader, get(url), params);
    expect(open.status).toBe(200);
    expect(open.response!.headers.get("cache-control")).toMatch(/^public/);

    for (const [uploadId, variant] of [["bukan-uuid", "display"], [stored.value.id, "original"], ["00000000-0000-0000-0000-000000000000", "thumb"]]) {
      expect((await callRoute(uploadRoute.loader, get(`/uploads/${uploadId}/${variant}`, exhibitor.cookie), { uploadId, variant })).status).toBe(404);
    }
  });
});
