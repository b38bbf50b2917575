import { readFile } from "node:fs/promises";
import path from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { requireOrgAccess } from "~/utils/permissions.server";

/** Downloads one .eml written by the file transport; only the organization's own mail. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireOrgAccess(request, params.orgSlug, "mail:view");
  if (!/^\d{1,18}$/.test(params.emailId ?? "")) throw new Response("Not found", { status: 404 });
  const row = await (await getDb()).selectFrom("emailLog").select(["fileName"])
    .where("id", "=", params.emailId!).where("organizationId", "=", org.id).executeTakeFirst();
  if (!row?.fileName || row.fileName.includes("/") || row.fileName.includes("..")) throw new Response("Not found", { status: 404 });
  const file = await readFile(path.join(path.resolve(getEnv().MAIL_DIR), row.fileName)).catch(() => null);
  if (!file) throw new Response("Not found", { status: 404 });
  return new Response(file, {
    headers: { "Content-Type": "message/rfc822", "Content-Disposition": `attachment; filename="${row.fileName}"`, "X-Content-Type-Options": "nosniff" },
  });
}
