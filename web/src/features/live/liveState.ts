// What the live page shows, folded from the audio socket's frames (and the stored transcript after a gap).
import type { Segment, Suggestion } from "../../api/client";
import type { ServerFrame, SuggestionFrame, TicketMoveFrame } from "./AudioStreamer";

export type Final = { segmentId: string; seq: number; text: string; startMs: number; endMs: number };
export type Partial = { text: string; startMs: number; endMs: number };
export type Move = TicketMoveFrame & { key: string };
export type PendingSuggestion = { id: string; ticketId: string; from: string; to: string; quote: string; confidence: number; state: string };

export type LiveState = {
  finals: Final[]; // by seq
  partial: Partial | null;
  moves: Move[];
  suggestions: PendingSuggestion[];
};

export const emptyLive: LiveState = { finals: [], partial: null, moves: [], suggestions: [] };

export type LiveAction =
  | { type: "frame"; frame: ServerFrame }
  | { type: "segments"; segments: Segment[] }
  | { type: "suggestions"; suggestions: Suggestion[] }
  | { type: "resolved"; id: string; state: string };

function addFinals(finals: Final[], added: Final[]): Final[] {
  const bySeq = new Map(finals.map((f) => [f.seq, f]));
  for (const f of added) bySeq.set(f.seq, f);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

function fromSuggestion(frame: SuggestionFrame): PendingSuggestion {
  return {
    id: frame.suggestionId, ticketId: frame.ticketId, from: frame.from, to: frame.to,
    quote: frame.evidence?.quote ?? "", confidence: frame.confidence, state: frame.state,
  };
}

function upsert(list: PendingSuggestion[], item: PendingSuggestion): PendingSuggestion[] {
  return list.some((s) => s.id === item.id) ? list.map((s) => (s.id === item.id ? { ...s, state: item.state } : s)) : [...list, item];
}

export function liveReducer(state: LiveState, action: LiveAction): LiveState {
  switch (action.type) {
    case "segments":
      return { ...state, finals: addFinals(state.finals, action.segments) };
    case "suggestions":
      return {
        ...state,
        suggestions: action.suggestions.reduce(
          (list, s) => upsert(list, { id: s.id, ticketId: s.ticketId, from: s.from, to: s.to, quote: s.quote, confidence: s.confidence, state: s.state }),
          state.suggestions,
        ),
      };
    case "resolved":
      return { ...state, suggestions: state.suggestions.map((s) => (s.id === action.id ? { ...s, state: action.state } : s)) };
    case "frame":
      return foldFrame(state, action.frame);
  }
}

function foldFrame(state: LiveState, frame: ServerFrame): LiveState {
  switch (frame.type) {
    case "final": {
      // A final replaces the partial of its utterance; a partial that starts after it is the next one.
      const partial = state.partial && state.partial.startMs >= frame.endMs ? state.partial : null;
      return { ...state, finals: addFinals(state.finals, [frame]), partial };
    }
    case "partial": {
      const last = state.finals[state.finals.length - 1];
      if (last && frame.startMs < last.endMs) return state; // late news of an utterance already final
      return { ...state, partial: { text: frame.text, startMs: frame.startMs, endMs: frame.endMs } };
    }
    case "ticket.updated": {
      const key = `${frame.ticketId}:${frame.to}:${frame.evidence?.segmentId ?? ""}`;
      return state.moves.some((m) => m.key === key) ? state : { ...state, moves: [...state.moves, { ...frame, key }] };
    }
    case "ticket.suggested":
    case "ticket.suggestion.resolved":
      return { ...state, suggestions: upsert(state.suggestions, fromSuggestion(frame)) };
    default:
      return state;
  }
}
