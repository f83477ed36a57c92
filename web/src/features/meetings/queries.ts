import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";

export const meetingKeys = {
  all: ["meetings"] as const,
  one: (id: string) => ["meetings", id] as const,
  transcript: (id: string) => ["meetings", id, "transcript"] as const,
  minutes: (id: string) => ["meetings", id, "minutes"] as const,
  suggestions: (id: string) => ["meetings", id, "suggestions"] as const,
};

export function useMeetings() {
  return useQuery({ queryKey: meetingKeys.all, queryFn: () => unwrap(api.GET("/api/meetings")) });
}

/** The meeting; polls while it is being processed so the page follows ended → processing → done, and now
 * and then while it is live, in case someone else ends it. */
export function useMeeting(id: string) {
  return useQuery({
    queryKey: meetingKeys.one(id),
    queryFn: () => unwrap(api.GET("/api/meetings/{meeting_id}", { params: { path: { meeting_id: id } } })),
    refetchInterval: (query) => {
      const state = query.state.data?.state ?? "";
      return ["ended", "processing"].includes(state) ? 1000 : state === "live" ? 5000 : false;
    },
  });
}

export function useTranscript(id: string, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.transcript(id),
    queryFn: () => unwrap(api.GET("/api/meetings/{meeting_id}/transcript", { params: { path: { meeting_id: id } } })),
    enabled,
  });
}
