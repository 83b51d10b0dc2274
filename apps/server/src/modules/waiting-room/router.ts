import { waitingBoardSchema, waitingMoveSchema } from "@frontoffice/domain";
import { actorOf } from "../../trpc/actor.js";
import { permittedProcedure, router } from "../../trpc/trpc.js";
import { moveOnBoard, waitingBoard } from "./service.js";

/** The waiting-room board: today's appointments and visitors of an office, by stage, with their times. */
export const waitingRoomRouter = router({
  /** → `WaitingBoard` (rows, the office's wait threshold, how many are over it or late, the server's now) */
  board: permittedProcedure("visitors.read")
    .input(waitingBoardSchema)
    .query(({ ctx, input }) => waitingBoard(actorOf(ctx), input)),
  /** Moves a row on from the stage the board showed (`from`); stale: WAITING_STAGE_CONFLICT. → `WaitingBoard` */
  move: permittedProcedure("visitors.manage")
    .input(waitingMoveSchema)
    .mutation(({ ctx, input }) => moveOnBoard(actorOf(ctx), input)),
});
