// The organizer's deal-value target ("target transaksi Rp 5 miliar"): typed as rupiah, empty clears it.
import { z } from "zod/v4";
import { parseRupiah } from "~/utils/money";

export const MAX_DEAL_TARGET = 10_000_000_000_000n;

export const TargetSchema = z.object({
  intent: z.literal("set-target"),
  target: z.string().trim().max(40, "deals.target.invalid").optional().transform((value, ctx) => {
    if (!value) return null;
    const parsed = parseRupiah(value, { max: MAX_DEAL_TARGET });
    if (!parsed.ok || parsed.value === 0n) {
      ctx.addIssue({ code: "custom", message: parsed.ok ? "deals.target.zero" : `deals.target.${parsed.reason}` });
      return z.NEVER;
    }
    return parsed.value;
  }),
});
