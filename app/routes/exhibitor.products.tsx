import { getFormProps, getInputProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod/v4";
import { ErrorList, Field, FormErrors, SubmitButton, TextareaField, useAppForm } from "~/components/forms";
import { ConfirmAction, EmptyState } from "~/components/ui";
import { requireOwnBusiness } from "~/exhibitors/access.server";
import { addProduct, deleteProduct, listProducts, setProductPhoto } from "~/exhibitors/businesses.server";
import { DeleteProductSchema, ProductPhotoSchema, ProductSchema } from "~/exhibitors/exhibitor.schema";
import { PHOTO_ACCEPT } from "~/exhibitors/vocabulary";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { formatRupiah } from "~/utils/money";
import { redirectWithToast } from "~/utils/toast.server";
import { deleteUpload, readUploadForm, storeImage } from "~/utils/uploads.server";

export const meta: MetaFunction = () => [{ title: "Produk · Pendopo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { business } = await requireOwnBusiness(request);
  if (!business) throw redirect("/exhibitor/profile");
  const [products, locale] = await Promise.all([getDb().then((db) => listProducts(db, business.id)), getLocale(request)]);
  return { products: products.map((p) => ({ ...p, price: p.priceIdr === null ? null : formatRupiah(p.priceIdr, locale) })) };
}

const ActionSchema = z.discriminatedUnion("intent", [ProductSchema, ProductPhotoSchema, DeleteProductSchema]);

/** A refusal that belongs to one form on the page (the `form` search parameter names it, even when the body was unreadable). */
function refuse(form: string, result: SubmissionResult<string[]>, status: number) {
  return data({ form, result }, { status });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, business } = await requireOwnBusiness(request);
  if (!business) throw redirect("/exhibitor/profile");
  const formId = new URL(request.url).searchParams.get("form") ?? "add-product";
  const read = await readUploadForm(request);
  if (!read.ok) {
    const message = read.reason === "too_large" ? "exhibitors.upload.too_large" : "validation.invalid";
    return refuse(formId, { status: "error", error: { photo: [message] } }, read.reason === "too_large" ? 413 : 400);
  }
  const submission = parseForm(read.value, { schema: ActionSchema });
  if (submission.status !== "success") return refuse(formId, submission.reply(), 400);
  const db = await getDb();
  const input = submission.value;
  if (input.intent === "delete-product") {
    if (!(await deleteProduct(db, business.id, input.productId))) throw new Response("Not found", { status: 404 });
    return redirectWithToast("/exhibitor/products", { type: "success", key: "exhibitors.products.deleted" });
  }
  let photoUploadId: string | null = null;
  if (input.photo) {
    const stored = await storeImage(db, Buffer.from(await input.photo.arrayBuffer()), "product_photo", user.id, input.photo.name);
    if (!stored.ok) return refuse(formId, submission.reply({ fieldErrors: { photo: [`exhibitors.upload.${stored.reason}`] } }), 400);
    photoUploadId = stored.value.id;
  }
  if (input.intent === "product-photo") {
    if (!(await setProductPhoto(db, business.id, input.productId, photoUploadId!))) {
      await deleteUpload(db, photoUploadId!);
      throw new Response("Not found", { status: 404 });
    }
    return redirectWithToast("/exhibitor/products", { type: "success", key: "exhibitors.products.photo_saved" });
  }
  const added = await addProduct(db, business.id, { name: input.name, description: input.description, price: input.price, photoUploadId });
  if (!added.ok) {
    if (photoUploadId) await deleteUpload(db, photoUploadId);
    return refuse(formId, submission.reply({ formErrors: [`exhibitors.products.${added.reason}`] }), 409);
  }
  return redirectWithToast("/exhibitor/products", { type: "success", key: "exhibitors.products.added" });
}

function useUploadForm<S extends z.ZodType>(id: string, schema: S) {
  const actionData = useActionData<typeof action>();
  return useAppForm({
    id,
    lastResult: actionData?.form === id ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
}

function PhotoInput({ meta, label, hint }: { meta: Parameters<typeof getInputProps>[0]; label: string; hint: string }) {
  const props = getInputProps(meta, { type: "file", ariaDescribedBy: `${meta.id}-hint` });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <p id={`${meta.id}-hint`} className="hint">{hint}</p>
      <input {...props} key={props.key} accept={PHOTO_ACCEPT} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

function AddProductForm() {
  const { t } = useTranslation();
  const [form, fields] = useUploadForm("add-product", ProductSchema);
  return (
    <Form method="post" action="?form=add-product" encType="multipart/form-data" {...getFormProps(form)} className="card" aria-labelledby="add-product-heading">
      <h2 id="add-product-heading">{t("exhibitors.products.add_title")}</h2>
      <FormErrors errors={form.errors} />
      <Field meta={fields.name} label={t("exhibitors.products.name")} />
      <TextareaField meta={fields.description} label={t("exhibitors.products.description")} optional />
      <Field meta={fields.price} label={t("exhibitors.products.price")} hint={t("exhibitors.products.price_hint")} inputMode="numeric" optional />
      <PhotoInput meta={fields.photo} label={t("exhibitors.products.photo")} hint={t("exhibitors.upload.hint")} />
      <SubmitButton name="intent" value="add-product">{t("exhibitors.products.add_button")}</SubmitButton>
    </Form>
  );
}

function ReplacePhotoForm({ productId, productName }: { productId: string; productName: string }) {
  const { t } = useTranslation();
  const id = `photo-${productId}`;
  const [form, fields] = useUploadForm(id, ProductPhotoSchema);
  return (
    <Form method="post" action={`?form=${id}`} encType="multipart/form-data" {...getFormProps(form)}>
      <input type="hidden" name="productId" value={productId} />
      <PhotoInput meta={fields.photo} label={t("exhibitors.products.replace_photo", { name: productName })} hint={t("exhibitors.upload.hint")} />
      <SubmitButton name="intent" value="product-photo" className="btn btn-secondary btn-small">{t("exhibitors.products.upload_button")}</SubmitButton>
    </Form>
  );
}

export default function Products() {
  const { products } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header"><h1>{t("exhibitors.products.title")}</h1></div>
      <p className="muted" style={{ maxWidth: "65ch" }}>{t("exhibitors.products.intro")}</p>
      {products.length === 0 ? <EmptyState>{t("exhibitors.products.empty")}</EmptyState> : (
        <div className="grid grid-2">
          {products.map((p) => (
            <article key={p.id} className="card" aria-labelledby={`product-${p.id}`}>
              <div className="row" style={{ alignItems: "flex-start", flexWrap: "nowrap" }}>
                {p.thumbUrl ? (
                  <a href={p.photoUrl!}><img src={p.thumbUrl} alt={p.name} width={96} height={96} loading="lazy"
                    style={{ objectFit: "cover", borderRadius: 8, background: "#eee" }} /></a>
                ) : (
                  <div className="muted small" style={{ width: 96, height: 96, flex: "none", display: "grid", placeItems: "center", border: "2px dashed var(--line)", borderRadius: 8 }}>
                    {t("exhibitors.products.no_photo")}
                  </div>
                )}
                <div style={{ minWidth: 0 }}>
                  <h3 id={`product-${p.id}`} style={{ margin: 0 }}>{p.name}</h3>
                  <p className="small" style={{ margin: 0 }}>{p.price ?? t("exhibitors.products.no_price")}</p>
                  {p.description ? <p className="small muted" style={{ margin: ".2rem 0 0", whiteSpace: "pre-wrap" }}>{p.description}</p> : null}
                </div>
              </div>
              <details style={{ marginTop: ".5rem" }}>
                <summary className="small">{p.thumbUrl ? t("exhibitors.products.change_photo") : t("exhibitors.products.add_photo")}</summary>
                <ReplacePhotoForm productId={p.id} productName={p.name} />
              </details>
              <div style={{ marginTop: ".5rem" }}>
                <ConfirmAction label={t("common.delete")} intent="delete-product" fields={{ productId: p.id }} />
              </div>
            </article>
          ))}
        </div>
      )}
      <AddProductForm key={products.length} />
    </>
  );
}
