import { describe, expect, it } from "vitest";
import { AgreementSchema, EMPTY_PARTY } from "~/deals/agreement.schema";
import { formatSignedOn, partiesLine, regionLabel, regionsLine, summarizeAgreements } from "~/deals/agreements";
import en from "~/locales/en";
import id from "~/locales/id";

const KEDIRI = { city: "Kota Kediri", province: "Jawa Timur" };
const SOLO = { city: "Kota Surakarta", province: "Jawa Tengah" };
const BANDUNG = { city: "Kabupaten Bandung", province: "Jawa Barat" };
const NONE = { city: "", province: "" };

describe("regionLabel", () => {
  it.each([
    [KEDIRI, "Kota Kediri (Jawa Timur)"],
    [{ city: "  Kota   Kediri ", province: " Jawa Timur" }, "Kota Kediri (Jawa Timur)"],
    [{ city: "Kota Kediri", province: "" }, "Kota Kediri"],
    [{ city: "", province: "Jawa Timur" }, "Jawa Timur"],
    [NONE, ""],
  ])("names %j as %j", (region, label) => expect(regionLabel(region)).toBe(label));
});

describe("lines of a list row", () => {
  it("joins the parties with × in their order", () => {
    expect(partiesLine([{ name: "Kadin Kota Kediri" }, { name: "Kadin Kota Surakarta" }])).toBe("Kadin Kota Kediri × Kadin Kota Surakarta");
  });

  it("names each region once, ignoring case and spacing, and skips parties without one", () => {
    expect(regionsLine([KEDIRI, NONE, SOLO, { city: "kota kediri", province: "JAWA TIMUR" }])).toBe("Kota Kediri (Jawa Timur) × Kota Surakarta (Jawa Tengah)");
  });

  it.each([
    ["2026-12-07", "id", "7 Desember 2026"],
    ["2026-08-17", "id", "17 Agustus 2026"],
    ["2026-12-07", "en", "7 December 2026"],
  ] as const)("writes the signing date %s in %s as %j", (day, locale, text) => expect(formatSignedOn(day, locale)).toBe(text));
});

describe("summarizeAgreements", () => {
  it("counts agreements by kind and each pair of regions once per agreement, in alphabetical order", () => {
    const s = summarizeAgreements([
      { kind: "mou", parties: [SOLO, KEDIRI] },
      { kind: "mou", parties: [KEDIRI, SOLO] },
      { kind: "pks", parties: [{ city: "kota kediri", province: "jawa timur" }, SOLO, SOLO] },
      { kind: "loi", parties: [SOLO, BANDUNG] },
    ]);
    expect(s.total).toBe(4);
    expect(s.byKind).toEqual({ mou: 2, pks: 1, loi: 1 });
    expect(s.pairs.map((p) => [p.label, p.count])).toEqual([
      ["Kota Kediri (Jawa Timur) × Kota Surakarta (Jawa Tengah)", 3],
      ["Kabupaten Bandung (Jawa Barat) × Kota Surakarta (Jawa Tengah)", 1],
      ["Kota Surakarta (Jawa Tengah) × Kota Surakarta (Jawa Tengah)", 1],
    ]);
    expect(s.withoutRegions).toBe(0);
  });

  it("leaves out parties without a region and counts agreements that then have fewer than two", () => {
    const s = summarizeAgreements([{ kind: "mou", parties: [KEDIRI, NONE] }, { kind: "loi", parties: [NONE, NONE] }]);
    expect(s).toEqual({ total: 2, byKind: { mou: 1, pks: 0, loi: 1 }, pairs: [], withoutRegions: 2 });
  });

  it("is empty for an event without agreements", () => {
    expect(summarizeAgreements([])).toEqual({ total: 0, byKind: { mou: 0, pks: 0, loi: 0 }, pairs: [], withoutRegions: 0 });
  });
});

const valid = {
  title: "MoU Kadin Kota Kediri dan Kadin Kota Surakarta", kind: "mou", signedOn: "2026-12-07", place: "Surakarta", scope: "",
  parties: [{ ...EMPTY_PARTY, name: "Kadin Kota Kediri" }, { ...EMPTY_PARTY, name: "Kadin Kota Surakarta" }],
};

describe("AgreementSchema", () => {
  const errors = (value: unknown) => {
    const r = AgreementSchema.safeParse(value);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("accepts two parties with only their names", () => {
    expect(AgreementSchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    ["one party", { parties: [valid.parties[0]] }, { parties: "agreements.errors.min_parties" }],
    ["an empty name", { parties: [valid.parties[0], { ...EMPTY_PARTY, name: "   " }] }, { "parties.1.name": "agreements.errors.party_name" }],
    ["an unknown party kind", { parties: [valid.parties[0], { ...valid.parties[1], kind: "partai" }] }, { "parties.1.kind": "agreements.errors.party_kind" }],
    ["an impossible date", { signedOn: "2026-02-30" }, { signedOn: "agreements.errors.signed_on" }],
    ["a date in another format", { signedOn: "07/12/2026" }, { signedOn: "agreements.errors.signed_on" }],
    ["eleven parties", { parties: Array.from({ length: 11 }, (_, i) => ({ ...EMPTY_PARTY, name: `Pihak ${i}` })) }, { parties: "agreements.errors.max_parties" }],
  ])("refuses %s, naming the field", (_what, over, expected) => {
    expect(errors({ ...valid, ...over })).toEqual(expected);
  });

  it("has a message for every error key in both languages, and party messages name the party", () => {
    for (const [key, text] of Object.entries(id.agreements.errors)) {
      const english = en.agreements.errors[key as keyof typeof en.agreements.errors];
      expect(english).toMatch(/\S/);
      if (key.startsWith("party_")) {
        expect(text).toMatch(/^Pihak \{\{n\}\}: /);
        expect(english).toMatch(/^Party \{\{n\}\}: /);
      }
    }
    expect(id.agreements.errors.party_name).toBe("Pihak {{n}}: isi nama lembaga.");
  });
});
