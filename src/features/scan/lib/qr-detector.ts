// A QR reader for camera frames: the browser's own BarcodeDetector where it reads QR codes
// (Chrome on Android and macOS), else the barcode-detector ponyfill (ZXing compiled to
// WebAssembly). Its .wasm file ships in our own bundle (Vite's ?url), never fetched from a CDN:
// a workshop's network may not reach the internet, and a ticket must scan anyway.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

export type QrDetector = { detect: (source: ImageBitmapSource) => Promise<string[]> };

type DetectorLike = {
  detect: (source: ImageBitmapSource) => Promise<Array<{ rawValue: string }>>;
};
type DetectorClass = {
  new (options: { formats: string[] }): DetectorLike;
  getSupportedFormats?: () => Promise<string[]>;
};

async function nativeDetector(): Promise<DetectorLike | null> {
  const Native = (globalThis as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (!Native) return null;
  try {
    const formats = (await Native.getSupportedFormats?.()) ?? [];
    return formats.includes('qr_code') ? new Native({ formats: ['qr_code'] }) : null;
  } catch {
    return null;
  }
}

/** Which reader is in use, for the page's status line and the bench figures. */
export type QrEngine = 'native' | 'zxing-wasm';

export async function createQrDetector(): Promise<{ detector: QrDetector; engine: QrEngine }> {
  const native = await nativeDetector();
  let engine: QrEngine = 'native';
  let reader: DetectorLike;
  if (native) {
    reader = native;
  } else {
    const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/ponyfill');
    // Awaited, so a .wasm that cannot load is an error the page shows, not a silent dead camera.
    await prepareZXingModule({
      overrides: {
        locateFile: (path: string, prefix: string) =>
          path.endsWith('.wasm') ? wasmUrl : prefix + path,
      },
      fireImmediately: true,
    });
    reader = new BarcodeDetector({ formats: ['qr_code'] });
    engine = 'zxing-wasm';
  }
  return {
    engine,
    detector: {
      detect: async (source) => (await reader.detect(source)).map((b) => b.rawValue),
    },
  };
}
