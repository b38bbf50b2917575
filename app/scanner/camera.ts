// Camera scanning for the gate page: the native BarcodeDetector where the browser has one (Android Chrome),
// otherwise frames go to a Web Worker running zxing-wasm, so decoding never blocks the page. One frame is in
// flight at a time; about 6 frames a second is plenty for a badge held still.

type Detector = { detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string }>> };
type OnCode = (text: string) => void;

const FRAME_MS = 160;
const MAX_WIDTH = 800;

/** Starts the rear camera in `video` and calls onCode for every decoded QR; returns the stop function. */
export async function startCamera(video: HTMLVideoElement, onCode: OnCode): Promise<() => void> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment", width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false });
  video.srcObject = stream;
  video.muted = true;
  video.setAttribute("playsinline", "");
  await video.play();
  const decode = nativeDetector() ?? workerDecoder();
  let stopped = false;
  const loop = async () => {
    while (!stopped) {
      const started = performance.now();
      const text = video.readyState >= 2 ? await decode.read(video).catch(() => null) : null;
      if (stopped) break;
      if (text) onCode(text);
      await new Promise((r) => setTimeout(r, Math.max(0, FRAME_MS - (performance.now() - started))));
    }
  };
  void loop();
  return () => {
    stopped = true;
    decode.close();
    stream.getTracks().forEach((t) => t.stop());
    video.srcObject = null;
  };
}

type Decoder = { read(video: HTMLVideoElement): Promise<string | null>; close(): void };

function nativeDetector(): Decoder | null {
  const Ctor = (globalThis as { BarcodeDetector?: new (o: { formats: string[] }) => Detector }).BarcodeDetector;
  if (!Ctor) return null;
  const detector = new Ctor({ formats: ["qr_code"] });
  return { read: async (video) => (await detector.detect(video))[0]?.rawValue ?? null, close: () => {} };
}

function workerDecoder(): Decoder {
  const worker = new Worker("/gate-decoder-worker.js");
  const canvas = document.createElement("canvas");
  const g = canvas.getContext("2d", { willReadFrequently: true })!;
  let seq = 0;
  return {
    read(video) {
      const scale = Math.min(1, MAX_WIDTH / video.videoWidth);
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      g.drawImage(video, 0, 0, canvas.width, canvas.height);
      const { data, width, height } = g.getImageData(0, 0, canvas.width, canvas.height);
      const id = ++seq;
      return new Promise((resolve) => {
        const done = (text: string | null) => {
          worker.removeEventListener("message", onMessage);
          worker.removeEventListener("error", onError);
          resolve(text);
        };
        const onMessage = (e: MessageEvent<{ id: number; text: string | null }>) => e.data.id === id && done(e.data.text);
        // A worker that failed to load must not stall the loop forever.
        const onError = () => done(null);
        worker.addEventListener("message", onMessage);
        worker.addEventListener("error", onError);
        worker.postMessage({ id, width, height, buffer: data.buffer }, [data.buffer]);
      });
    },
    close: () => worker.terminate(),
  };
}
