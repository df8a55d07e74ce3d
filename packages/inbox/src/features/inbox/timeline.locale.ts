/**
 * Strings of the windowed timeline (issue 25): history paged in near the top and the way back to
 * the latest messages, mounted under `timeline` in the locales (pt-BR, fr and de are in their JSON
 * files).
 */
export const timelineWindowEn = {
  newMessages_one: '{{count}} new message',
  newMessages_other: '{{count}} new messages',
  jumpToLatest: 'Jump to the latest messages',
  loadingOlder: 'Loading earlier messages…',
  olderFailed: 'Earlier messages could not be loaded.',
  olderRetry: 'Try again',
};

export const timelineWindowEs = {
  newMessages_one: '{{count}} mensaje nuevo',
  newMessages_many: '{{count}} de mensajes nuevos',
  newMessages_other: '{{count}} mensajes nuevos',
  jumpToLatest: 'Ir a los últimos mensajes',
  loadingOlder: 'Cargando mensajes anteriores…',
  olderFailed: 'No se pudieron cargar los mensajes anteriores.',
  olderRetry: 'Reintentar',
};
