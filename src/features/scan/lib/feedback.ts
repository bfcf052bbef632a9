// A good scan is felt and heard on a noisy bench: a short beep (WebAudio, no sound file to load)
// and a buzz where the device can vibrate. Both are best effort: a browser that refuses audio
// before a first touch, or has no vibration, simply stays quiet.
let audio: AudioContext | null = null;

export function goodScanFeedback(): void {
  try {
    const Ctx =
      window.AudioContext ??
      (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (Ctx) {
      audio ??= new Ctx();
      void audio.resume?.();
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.value = 1_760;
      gain.gain.setValueAtTime(0.2, audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.12);
      osc.connect(gain).connect(audio.destination);
      osc.start();
      osc.stop(audio.currentTime + 0.12);
    }
  } catch {
    // No audio on this device: the card opening is the feedback.
  }
  if (typeof navigator.vibrate === 'function') navigator.vibrate(60);
}
