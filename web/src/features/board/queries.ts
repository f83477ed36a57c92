import { useQuery } from "@tanstack/react-query";
import { api, unwrap, type Board, type Ticket } from "../../api/client";

export const boardKeys = {
  board: (groupId: string) => ["board", groupId] as const,
  ticket: (id: string) => ["tickets", id] as const,
  history: (id: string) => ["tickets", id, "history"] as const,
};

export function useBoard(groupId: string | undefined) {
  return useQuery({
    queryKey: boardKeys.board(groupId ?? ""),
    queryFn: () => unwrap(api.GET("/api/groups/{group_id}/board", { params: { path: { group_id: groupId! } } })),
    enabled: !!groupId,
  });
}

export function allTickets(board: Board | undefined): Ticket[] {
  return board ? Object.values(board.columns).flat() : [];
}
