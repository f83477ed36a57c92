// AudioWorklet: microphone samples (any rate) → 16 kHz PCM16 mono frames of 50 ms, with their level.
// Resampling is linear interpolation carried across render quanta; the page normally opens its AudioContext
// at 16 kHz already (the browser resamples the microphone with a proper filter) and the ratio is then 1.
const TARGET_RATE = 16000;
const FRAME_SAMPLES = 800; // 50 ms at 16 kHz

class PcmCapture extends AudioWorkletProcessor {
  constructor() {
    super();
    this.ratio = sampleRate / TARGET_RATE;
    this.position = 1; // next output position in [previous sample, ...this quantum]
    this.previous = 0;
    this.frame = new Int16Array(FRAME_SAMPLES);
    this.filled = 0;
    this.sumSquares = 0;
  }

  emit(value) {
    const clamped = Math.max(-1, Math.min(1, value));
    this.sumSquares += clamped * clamped;
    this.frame[this.filled++] = clamped < 0 ? clamped * 0x8000 : clamped * 0x7fff;
    if (this.filled === FRAME_SAMPLES) {
      const level = Math.sqrt(this.sumSquares / FRAME_SAMPLES);
      this.port.postMessage({ pcm: this.frame.buffer, level }, [this.frame.buffer]);
      this.frame = new Int16Array(FRAME_SAMPLES);
      this.filled = 0;
      this.sumSquares = 0;
    }
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (!channel || channel.length === 0) return true;
    const last = channel.length; // index of channel[last - 1] in the virtual array [previous, ...channel]
    let p = this.position;
    while (p <= last) {
      const i = Math.floor(p);
      const frac = p - i;
      const a = i === 0 ? this.previous : channel[i - 1];
      const b = frac === 0 ? a : channel[i];
      this.emit(a + (b - a) * frac);
      p += this.ratio;
    }
    this.position = p - last;
    this.previous = channel[last - 1];
    return true;
  }
}

registerProcessor("pcm-capture", PcmCapture);
