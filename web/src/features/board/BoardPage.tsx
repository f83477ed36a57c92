import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type DragEvent, type FormEvent, type KeyboardEvent } from "react";
import { useParams, useSearchParams } from "react-router-dom";
import { api, ApiError, STATUSES, unwrap, type Board, type Ticket, type TicketStatus } from "../../api/client";
import { Empty, ErrorView, Loading, errorText } from "../../components/States";
import { useI18n } from "../../i18n/I18n";
import { allTickets, boardKeys, useBoard } from "./queries";
import { TicketDetail } from "./TicketDetail";
import { useBoardSocket } from "./useBoardSocket";

type Move = { ticket: Ticket; to: TicketStatus };

/** The board with `ticket` moved to `to`, as the server will have it (optimistic). */
function moved(board: Board, ticket: Ticket, to: TicketStatus): Board {
  const columns: Board["columns"] = {};
  for (const status of STATUSES) columns[status] = (board.columns[status] ?? []).filter((t) => t.id !== ticket.id);
  columns[to] = [...columns[to], { ...ticket, status: to }];
  return { ...board, columns };
}

export function useMoveTicket(groupId: string) {
  const queryClient = useQueryClient();
  const { t } = useI18n();
  const [notice, setNotice] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: ({ ticket, to }: Move) =>
      unwrap(api.POST("/api/tickets/{ticket_id}/status", { params: { path: { ticket_id: ticket.id } }, body: { status: to, version: ticket.version } })),
    onMutate: async ({ ticket, to }: Move) => {
      setNotice(null);
      await queryClient.cancelQueries({ queryKey: boardKeys.board(groupId) });
      const before = queryClient.getQueryData<Board>(boardKeys.board(groupId));
      if (before) queryClient.setQueryData(boardKeys.board(groupId), moved(before, ticket, to));
      return { before };
    },
    onError: (error, { ticket }, context) => {
      if (context?.before) queryClient.setQueryData(boardKeys.board(groupId), context.before);
      // 409: someone moved or edited it first. Never overwrite: show the fresh state and say so.
      setNotice(error instanceof ApiError && error.status === 409 ? t("board.conflict", { title: ticket.title }) : t("board.moveFailed", { message: errorText(error, t) }));
    },
    onSettled: (_data, _error, { ticket }) => {
      void queryClient.invalidateQueries({ queryKey: boardKeys.board(groupId) });
      void queryClient.invalidateQueries({ queryKey: boardKeys.ticket(ticket.id) });
    },
  });
  return { move: (ticket: Ticket, to: TicketStatus) => ticket.status !== to && mutation.mutate({ ticket, to }), notice, clearNotice: () => setNotice(null) };
}

export function BoardPage() {
  const { groupId = "" } = useParams();
  const { t } = useI18n();
  const board = useBoard(groupId);
  const connected = useBoardSocket(groupId);
  const { move, notice, clearNotice } = useMoveTicket(groupId);
  const [params, setParams] = useSearchParams();
  const selected = params.get("ticket");
  const open = (id: string | null) => setParams(id ? { ticket: id } : {});
  const focusAfterMove = useRef<string | null>(null);

  useEffect(() => {
    // Keyboard moves re-render the card in another column: keep the focus on it (until the pointer is used).
    if (focusAfterMove.current) document.querySelector<HTMLElement>(`[data-ticket-id="${focusAfterMove.current}"]`)?.focus();
  }, [board.data]);
  useEffect(() => {
    const forget = () => (focusAfterMove.current = null);
    window.addEventListener("pointerdown", forget);
    return () => window.removeEventListener("pointerdown", forget);
  }, []);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{t("board.title")}</h1>
        <span data-testid="board-live" data-connected={connected} className={`rounded-full px-2 py-0.5 text-xs font-semibold ${connected ? "bg-emerald-100 text-emerald-800" : "bg-amber-100 text-amber-800"}`}>
          {connected ? `● ${t("board.live")}` : t("board.offline")}
        </span>
        <span className="text-sm text-slate-500">{t("board.hint")}</span>
      </div>
      {notice && (
        <div role="alert" data-testid="board-notice" className="flex items-start justify-between gap-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <span>{notice}</span>
          <button onClick={clearNotice} aria-label="close" className="text-amber-700">
            ✕
          </button>
        </div>
      )}
      {board.isPending ? (
        <Loading />
      ) : board.isError ? (
        <ErrorView error={board.error} onRetry={() => board.refetch()} />
      ) : (
        <>
          <NewTicket groupId={groupId} />
          {allTickets(board.data).length === 0 && <Empty>{t("board.boardEmpty")}</Empty>}
          <div className="grid gap-4 md:grid-cols-3">
            {STATUSES.map((status) => (
              <Column
                key={status}
                status={status}
                tickets={board.data.columns[status] ?? []}
                onDrop={(ticket) => move(ticket, status)}
                onKeyMove={(ticket, to) => {
                  focusAfterMove.current = ticket.id;
                  move(ticket, to);
                }}
                onOpen={open}
                findTicket={(id) => allTickets(board.data).find((t) => t.id === id)}
              />
            ))}
          </div>
        </>
      )}
      {selected && <TicketDetail ticketId={selected} groupId={groupId} onClose={() => open(null)} onMove={move} />}
    </div>
  );
}

function Column(props: {
  status: TicketStatus;
  tickets: Ticket[];
  onDrop: (ticket: Ticket) => void;
  onKeyMove: (ticket: Ticket, to: TicketStatus) => void;
  onOpen: (id: string) => void;
  findTicket: (id: string) => Ticket | undefined;
}) {
  const { t } = useI18n();
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const ticket = props.findTicket(event.dataTransfer.getData("text/plain"));
    if (ticket) props.onDrop(ticket);
  };
  return (
    <section
      data-testid={`column-${props.status}`}
      aria-label={t(`status.${props.status}`)}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      className={`min-h-48 space-y-2 rounded-lg border p-3 ${over ? "border-indigo-400 bg-indigo-50" : "border-slate-200 bg-slate-100"}`}
    >
      <h2 className="flex items-center justify-between text-sm font-semibold uppercase tracking-wide text-slate-600">
        {t(`status.${props.status}`)}
        <span className="rounded-full bg-white px-2 text-xs">{props.tickets.length}</span>
      </h2>
      {props.tickets.length === 0 && <p className="py-4 text-center text-xs text-slate-400">{t("board.empty")}</p>}
      {props.tickets.map((ticket) => (
        <Card key={ticket.id} ticket={ticket} onKeyMove={props.onKeyMove} onOpen={props.onOpen} />
      ))}
    </section>
  );
}

function Card({ ticket, onKeyMove, onOpen }: { ticket: Ticket; onKeyMove: (ticket: Ticket, to: TicketStatus) => void; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const index = STATUSES.indexOf(ticket.status);
  const key = (event: KeyboardEvent) => {
    const to = event.key === "ArrowRight" ? STATUSES[index + 1] : event.key === "ArrowLeft" ? STATUSES[index - 1] : undefined;
    if (to) {
      event.preventDefault();
      onKeyMove(ticket, to);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onOpen(ticket.id);
    }
  };
  return (
    <article
      data-testid="card"
      data-ticket-id={ticket.id}
      data-status={ticket.status}
      tabIndex={0}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData("text/plain", ticket.id);
        e.dataTransfer.effectAllowed = "move";
      }}
      onKeyDown={key}
      onClick={() => onOpen(ticket.id)}
      aria-keyshortcuts="ArrowLeft ArrowRight"
      className="cursor-grab rounded-md border border-slate-200 bg-white p-3 shadow-sm outline-none hover:border-indigo-300 focus:ring-2 focus:ring-indigo-500"
    >
      <div className="font-medium">{ticket.title}</div>
      <div className="mt-1 flex items-center gap-2 text-xs text-slate-500">
        {ticket.assignee && <span className="rounded bg-slate-100 px-1.5 py-0.5">@{ticket.assignee}</span>}
        {ticket.meetingId && (
          <span title={t("ticket.fromMeeting")} aria-label={t("ticket.fromMeeting")}>
            <MicIcon />
          </span>
        )}
        <span className="ml-auto">v{ticket.version}</span>
      </div>
    </article>
  );
}

function NewTicket({ groupId }: { groupId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState("");
  const create = useMutation({
    mutationFn: () => unwrap(api.POST("/api/tickets", { body: { title: title.trim(), content: "", status: "TODO", groupId } })),
    onSuccess: () => {
      setTitle("");
      void queryClient.invalidateQueries({ queryKey: boardKeys.board(groupId) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim()) create.mutate();
  };
  return (
    <form onSubmit={submit} className="flex gap-2">
      <input
        name="new-ticket"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        placeholder={t("board.newTicket")}
        maxLength={300}
        className="flex-1 rounded-md border border-slate-300 px-3 py-2 text-sm"
      />
      <button type="submit" disabled={create.isPending || !title.trim()} className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white disabled:opacity-50">
        {t("board.add")}
      </button>
      {create.isError && <ErrorView error={create.error} />}
    </form>
  );
}

function MicIcon() {
  return (
    <svg viewBox="0 0 16 16" className="h-3.5 w-3.5 fill-current" aria-hidden="true">
      <path d="M8 1a2.5 2.5 0 0 0-2.5 2.5v4a2.5 2.5 0 0 0 5 0v-4A2.5 2.5 0 0 0 8 1Zm-4.5 6.5a.5.5 0 0 1 1 0 3.5 3.5 0 0 0 7 0 .5.5 0 0 1 1 0 4.5 4.5 0 0 1-4 4.47V14h2a.5.5 0 0 1 0 1h-5a.5.5 0 0 1 0-1h2v-2.03a4.5 4.5 0 0 1-4-4.47Z" />
    </svg>
  );
}
