import type { ErrorCode } from './errors';

/**
 * Spanish messages of the codes the realtime guarantees added (closed stays closed, the waiting
 * deadline, typing by the assignee only). The catalogue's English message is the fallback.
 */
export const errorMessagesEs: Partial<Record<ErrorCode, string>> = {
  CONVERSATION_CLOSED: 'La conversación está cerrada.',
  ANSWER_NOT_EXPECTED: 'El bot no está esperando esta respuesta.',
  WAITING_TIME_OVER: 'El tiempo de espera terminó: el visitante siguió por el camino sin conexión.',
  NOT_ASSIGNEE: 'Solo la persona a la que está asignada la conversación puede hacer esto.',
};
