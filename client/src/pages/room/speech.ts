/** The few parts of the Web Speech API the room uses (not in TypeScript's DOM library). */
export interface SpeechResult {
  readonly isFinal: boolean;
  readonly 0: { readonly transcript: string } | undefined;
}

export interface SpeechResultEvent {
  readonly resultIndex: number;
  readonly results: { readonly length: number; readonly [index: number]: SpeechResult | undefined };
}

export interface Recognition {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  onresult: ((event: SpeechResultEvent) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
  abort(): void;
}

type RecognitionConstructor = new () => Recognition;

/** The browser's speech recognition, or null where there is none. */
export function speechRecognition(): RecognitionConstructor | null {
  if (typeof window === 'undefined') return null;
  const w = window as unknown as { SpeechRecognition?: RecognitionConstructor; webkitSpeechRecognition?: RecognitionConstructor };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null;
}

export function speechErrorMessage(code: string): string {
  if (code === 'not-allowed' || code === 'service-not-allowed') return 'Dictation needs permission to use the microphone.';
  if (code === 'audio-capture') return 'No microphone was found for dictation.';
  if (code === 'network') return 'Dictation needs a network connection.';
  return 'Dictation stopped unexpectedly.';
}
