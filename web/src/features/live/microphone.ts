// Microphone capture: getUserMedia → AudioWorklet (public/capture-worklet.js) → 16 kHz PCM16 frames.

export type MicError = "refused" | "missing" | "unsupported" | "failed";

export class MicrophoneError extends Error {
  constructor(readonly kind: MicError, message: string) {
    super(message);
  }
}

export type Microphone = { sampleRate: number; stop: () => void };

export async function openMicrophone(onFrame: (pcm: Int16Array, level: number) => void): Promise<Microphone> {
  if (!navigator.mediaDevices?.getUserMedia || typeof AudioWorkletNode === "undefined") {
    throw new MicrophoneError("unsupported", "getUserMedia or AudioWorklet is not available");
  }
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    });
  } catch (err) {
    const name = err instanceof DOMException ? err.name : "";
    if (name === "NotAllowedError" || name === "SecurityError") throw new MicrophoneError("refused", String(err));
    if (name === "NotFoundError" || name === "OverconstrainedError") throw new MicrophoneError("missing", String(err));
    throw new MicrophoneError("failed", String(err));
  }
  let context: AudioContext;
  try {
    context = new AudioContext({ sampleRate: 16000 });
  } catch {
    context = new AudioContext(); // the worklet resamples whatever rate this gives
  }
  try {
    await context.audioWorklet.addModule("/capture-worklet.js");
    const source = context.createMediaStreamSource(stream);
    const node = new AudioWorkletNode(context, "pcm-capture", { numberOfInputs: 1, numberOfOutputs: 0, channelCount: 1 });
    node.port.onmessage = (event: MessageEvent<{ pcm: ArrayBuffer; level: number }>) =>
      onFrame(new Int16Array(event.data.pcm), event.data.level);
    source.connect(node);
    await context.resume();
    return {
      sampleRate: 16000,
      stop: () => {
        node.port.onmessage = null;
        source.disconnect();
        stream.getTracks().forEach((track) => track.stop());
        void context.close();
      },
    };
  } catch (err) {
    stream.getTracks().forEach((track) => track.stop());
    void context.close();
    throw new MicrophoneError("failed", String(err));
  }
}
