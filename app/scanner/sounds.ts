// Distinct result tones through Web Audio (no sound files): one high beep = accepted, two mid = attention,
// three low = refused. Audio can only start after a user gesture (iOS), so unlockAudio runs on the first tap/key.

let ctx: AudioContext | null = null;

export function unlockAudio(): void {
  if (typeof window === "undefined" || typeof window.AudioContext !== "function") return;
  ctx ??= new AudioContext();
  if (ctx.state === "suspended") void ctx.resume().catch(() => {});
}

const TONES = {
  accepted: { freq: 1320, beeps: 1, ms: 160 },
  attention: { freq: 880, beeps: 2, ms: 120 },
  refused: { freq: 330, beeps: 3, ms: 140 },
} as const;

export function playResult(kind: keyof typeof TONES): void {
  if (!ctx || ctx.state !== "running") return;
  const { freq, beeps, ms } = TONES[kind];
  const start = ctx.currentTime + 0.01;
  for (let i = 0; i < beeps; i++) {
    const t0 = start + (i * ms * 1.6) / 1000;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = kind === "refused" ? "square" : "sine";
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, t0);
    gain.gain.exponentialRampToValueAtTime(0.3, t0 + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + ms / 1000);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t0);
    osc.stop(t0 + ms / 1000 + 0.02);
  }
  navigator.vibrate?.(kind === "accepted" ? 80 : kind === "attention" ? [60, 60, 60] : [120, 60, 120, 60, 120]);
}
