import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { wsUrl } from "../../api/client";
import { boardKeys } from "./queries";

type BoardFrame = { type: string; ticketId?: string; id?: string };

/** Follows `/ws/groups/{groupId}/board`: every created or moved ticket refreshes the board (and that ticket).
 * Reconnects after a drop and then refreshes, since frames sent meanwhile are gone. */
export function useBoardSocket(groupId: string): boolean {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    let socket: WebSocket | null = null;
    let timer: number | undefined;
    let attempt = 0;
    let closed = false;
    const connect = () => {
      socket = new WebSocket(wsUrl(`/ws/groups/${groupId}/board`));
      socket.onmessage = (event) => {
        const frame = JSON.parse(String(event.data)) as BoardFrame;
        if (frame.type === "ready") {
          attempt = 0;
          setConnected(true);
          void queryClient.invalidateQueries({ queryKey: boardKeys.board(groupId) });
          return;
        }
        if (!frame.type.startsWith("ticket.")) return;
        void queryClient.invalidateQueries({ queryKey: boardKeys.board(groupId) });
        const ticketId = frame.ticketId ?? frame.id;
        if (ticketId) void queryClient.invalidateQueries({ queryKey: boardKeys.ticket(ticketId) });
      };
      socket.onclose = () => {
        setConnected(false);
        if (closed) return;
        timer = window.setTimeout(connect, Math.min(500 * 2 ** attempt++, 5000));
      };
    };
    connect();
    return () => {
      closed = true;
      window.clearTimeout(timer);
      socket?.close();
    };
  }, [groupId, queryClient]);
  return connected;
}
