import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { AddStaffSchema, AutoConfirmSchema, BoothSchema, BulkSchema } from "~/booths/booth.schema";

function parse(schema: Parameters<typeof parseWithZod>[1]["schema"], fields: Record<string, string | string[]>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) fd.append(k, x);
  return parseWithZod(fd, { schema });
}

const HALL = "5b0a3c8e-2f57-4a55-9d55-3c3f0c7d9e11";

describe("booth form schemas", () => {
  it.each([
    ["1500000", "1500000"], ["1.500.000", "1500000"], ["Rp 1.500.000", "1500000"], ["0", "0"], ["", undefined],
  ])("reads the price %j as %j whole rupiah", (price, value) => {
    const res = parse(BulkSchema, { intent: "bulk-create", hallId: HALL, rows: "1", cols: "1", startX: "0", startY: "0", w: "3", h: "3", codePattern: "A{n}", price });
    expect(res.status).toBe("success");
    expect(res.status === "success" && (res.value as { price?: string }).price).toBe(value);
  });

  it("refuses a booth that would reach past the edge of the plan on the width or depth field", () => {
    const res = parse(BoothSchema, { intent: "save-booth", code: "A-1", sizeM2: "9", x: "998", y: "999", w: "3", h: "3" });
    expect(res.status === "error" && res.error).toMatchObject({ w: ["booths.v.off_grid"], h: ["booths.v.off_grid"] });
  });

  it.each([
    ["0812-3456-7890", "+6281234567890"], ["+62 812 3456 7890", "+6281234567890"], ["6281234567890", "+6281234567890"], ["(0857) 1111 2222", "+6285711112222"], ["", null],
  ])("stores the staff phone %j as %j", (phone, value) => {
    const res = parse(AddStaffSchema, { intent: "add-staff", name: "Sri", phone });
    expect(res.status === "success" && (res.value as { phone: string | null }).phone).toBe(value);
  });

  it.each(["021-5551234", "+1 202 555 0100", "0812", "08123456789012345", "nomor saya"])("refuses the staff phone %j", (phone) => {
    const res = parse(AddStaffSchema, { intent: "add-staff", name: "Sri", phone });
    expect(res.status === "error" && res.error?.phone).toEqual(["booths.v.phone"]);
  });

  it.each(["not json", "{}", "[[1,2]]", JSON.stringify([["a", "b"]])])("treats the garbled plan %j as stale", (plan) => {
    const res = parse(AutoConfirmSchema, { intent: "confirm", plan });
    expect(res.status === "error" && res.error?.plan).toEqual(["booths.plan_stale"]);
  });

  it("reads a plan of [application, booth] pairs and the quota provinces from repeated fields", () => {
    const pair = [HALL, "0f9e1d2c-3b4a-4596-8778-695a4b3c2d1e"];
    const res = parse(AutoConfirmSchema, { intent: "confirm", plan: JSON.stringify([pair]), quotaProvinces: ["Bali", "Papua"], quotaPercent: "30", noAdjacentCompetitors: "on" });
    expect(res.status === "success" && res.value).toEqual({
      intent: "confirm", plan: [{ applicationId: pair[0], boothId: pair[1] }], quotaProvinces: ["Bali", "Papua"], quotaPercent: 30, noAdjacentCompetitors: true,
    });
  });
});
