import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/utils/misc";
import { retryDelaySeconds } from "~/utils/outbox.server";

describe("safeRedirect", () => {
  it.each([
    ["/o/kadin-solo", "/o/kadin-solo"],
    ["/o/kadin-solo?tab=1", "/o/kadin-solo?tab=1"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["", "/"],
    [null, "/"],
  ])("sends %j to %j", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });
});

describe("outbox retry delay", () => {
  it.each([
    [1, 10],
    [2, 20],
    [3, 40],
    [8, 1280],
    [12, 3600],
  ])("after attempt %i waits %i s", (attempts, seconds) => {
    expect(retryDelaySeconds(attempts)).toBe(seconds);
  });
});
