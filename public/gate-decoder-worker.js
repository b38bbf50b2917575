// QR decoding off the main thread for the gate scanner (browsers without BarcodeDetector): zxing-wasm's reader,
// self-hosted (never a CDN) at /gate/zxing-reader.js and /gate/zxing_reader.wasm, which the service worker caches.
/* global ZXingWASM */
importScripts("/gate/zxing-reader.js");
ZXingWASM.prepareZXingModule({
  overrides: { locateFile: (path, prefix) => (path.endsWith(".wasm") ? "/gate/zxing_reader.wasm" : prefix + path) },
});

self.onmessage = async (event) => {
  const { id, width, height, buffer } = event.data;
  try {
    const results = await ZXingWASM.readBarcodes(
      { data: new Uint8ClampedArray(buffer), width, height },
      { formats: ["QRCode"], tryHarder: true, maxNumberOfSymbols: 1 },
    );
    const hit = results.find((r) => r.isValid);
    self.postMessage({ id, text: hit ? hit.text : null });
  } catch (error) {
    self.postMessage({ id, text: null, error: String(error) });
  }
};
