import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RESERVED_SLUGS, SLUG_MAX_LENGTH, slugify, validateSlug } from "~/events/slug";

describe("slugify", () => {
  it.each([
    [
      "Temu Bisnis Batik & Tenun Ikat Kediri–Surakarta 2026",
      "temu-bisnis-batik-dan-tenun-ikat-kediri-surakarta-2026",
    ],
    ["Pameran Batik Mojokerto 6–10 Oktober 2023", "pameran-batik-mojokerto-6-10-oktober-2023"],
    ["#MelokalDenganBatik — Solo & Pekalongan", "melokaldenganbatik-solo-dan-pekalongan"],
    ["Café Kopi Gayo — Édition Spéciale", "cafe-kopi-gayo-edition-speciale"],
    ["Jum'at Berkah: Bazar UMKM", "jumat-berkah-bazar-umkm"],
    ["Rumah Kurasi’s Showcase", "rumah-kurasis-showcase"],
    ["  --Expo   IKM!!  ", "expo-ikm"],
    ["Straße & Æsthetik Ødegaard", "strasse-dan-aesthetik-odegaard"],
    ["ＦＵＬＬ－ＷＩＤＴＨ ２０２６", "full-width-2026"],
    ["Expo\nBaris\tBaru", "expo-baris-baru"],
    ["A&B", "a-dan-b"],
    ["ꦥꦩꦺꦫꦤ꧀", ""],
    ["", ""],
    ["---", ""],
  ])("slugify(%j) is %j", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it.each([
    [
      // 61 characters once slugified: the last word is dropped rather than cut.
      "Temu Bisnis Nasional Batik Tulis dan Tenun Ikat Kediri Surakarta",
      "temu-bisnis-nasional-batik-tulis-dan-tenun-ikat-kediri",
    ],
    [
      // Exactly 60 characters stays whole.
      "a".repeat(29) + " " + "b".repeat(30),
      "a".repeat(29) + "-" + "b".repeat(30),
    ],
    [
      // A cut that lands exactly on a dash keeps every word before it.
      "a".repeat(30) + " " + "b".repeat(29) + " cc",
      "a".repeat(30) + "-" + "b".repeat(29),
    ],
    ["x".repeat(80), "x".repeat(60)],
  ])("cuts long titles at a word boundary: %j", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("always yields a valid-shaped slug of at most 60 characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (title) => {
        const slug = slugify(title);
        expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
        expect(slug).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
      }),
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (title) => {
        expect(slugify(slugify(title))).toBe(slugify(title));
      }),
    );
  });
});

describe("validateSlug", () => {
  it.each([
    ["pameran-batik-mojokerto-2023"],
    ["b2b"],
    ["temu-bisnis-batik-dan-tenun-ikat-kediri-surakarta-2026"],
    ["a".repeat(60)],
    ["2026"],
  ])("accepts %j", (slug) => {
    expect(validateSlug(slug)).toEqual({ ok: true });
  });

  it.each([
    ["", "empty"],
    ["a".repeat(61), "too_long"],
    ["Pameran-Batik", "invalid_chars"],
    ["pameran batik", "invalid_chars"],
    ["pameran--batik", "invalid_chars"],
    ["-pameran", "invalid_chars"],
    ["pameran-", "invalid_chars"],
    ["pameran_batik", "invalid_chars"],
    ["batik-ñ", "invalid_chars"],
    ["ab", "too_short"],
    ["e", "too_short"],
    ["new", "reserved"],
    ["admin", "reserved"],
    ["api", "reserved"],
    ["login", "reserved"],
    ["events", "reserved"],
    ["org", "reserved"],
  ])("rejects %j as %s", (slug, reason) => {
    expect(validateSlug(slug)).toEqual({ ok: false, reason });
  });

  it("keeps every reserved word in slug shape, so the list cannot hide a typo", () => {
    for (const word of RESERVED_SLUGS) expect(word).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});
