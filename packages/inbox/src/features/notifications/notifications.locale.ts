import type { WithPluralForms } from '../../locales/plural-forms';

/**
 * Strings of notifications: the in-app notices, the desktop prompt, this device's push state and
 * the notification settings (mounted under `notifications`; pt-BR, fr and de are in their JSON files).
 */
export const notificationsEn = {
  region: 'Notifications',
  open: 'Open',
  promptLabel: 'Desktop notifications',
  promptTitle: 'Turn on desktop notifications.',
  promptWhy:
    'You’ll know the moment a visitor is waiting or replies, even when Charla is in the background or closed.',
  allow: 'Allow notifications',
  notNow: 'Not now',
  denied: 'Notifications are blocked in this browser. Allow them in the site settings to get notified.',
  subscribeFailed: 'This device could not be subscribed. Try again later.',
  enabledHere: 'Notifications are on for this device.',
  thisDevice: 'This device',
  permission: {
    default: 'Notifications are not enabled on this device yet.',
    granted: 'Notifications are allowed on this device.',
    denied:
      'Notifications are blocked in this browser’s site settings. To unblock them: click the icon left of the address bar, open Site settings, set Notifications to Allow, then reload this page.',
    unsupported: 'This browser does not support notifications.',
  },
  support: {
    unsupported: 'This browser does not support push notifications. In-app notices still work.',
    insecure: 'Push notifications need HTTPS. In-app notices still work.',
    supported: '',
  },
  resubscribe: 'Subscribe this device again',
  sendTest: 'Send a test notification',
  testNoDevices: 'No device of yours receives push notifications yet. Allow them on this device first.',
  testSummary_one:
    'Sent to {{count}} device: {{delivered}} delivered, {{expired}} expired and removed, {{failed}} failed.',
  testSummary_other:
    'Sent to {{count}} devices: {{delivered}} delivered, {{expired}} expired and removed, {{failed}} failed.',
  device: {
    delivered: 'Delivered',
    expired: 'Expired — removed from your devices',
    failedStatus: 'Failed: the push service answered {{status}}',
    timedOut: 'Failed: the push service did not answer in time',
    unreachable: 'Failed: the push service could not be reached',
  },
  events: 'What to notify me about',
  eventColumn: 'Event',
  event: {
    conversation_unassigned: 'A conversation lands in Unassigned',
    conversation_assigned: 'A conversation is assigned to me',
    visitor_message: 'A visitor writes in my conversation',
    mention: 'Someone mentions me in a private note',
  },
  channel: { inApp: 'In the inbox', push: 'Desktop & phone', sound: 'Sound' },
  disabledByAdmin: 'Off for everyone',
  companyDefaults: 'Company defaults',
  companyDefaultsIntro: 'What new users get, and which events nobody is notified about.',
  mode: { on: 'On by default', off: 'Off by default', disabled: 'Off for everyone' },
};

export const notificationsEs: WithPluralForms<typeof notificationsEn> = {
  region: 'Notificaciones',
  open: 'Abrir',
  promptLabel: 'Notificaciones de escritorio',
  promptTitle: 'Activa las notificaciones de escritorio.',
  promptWhy:
    'Sabrás al momento cuándo un visitante espera o responde, aunque Charla esté en segundo plano o cerrado.',
  allow: 'Permitir notificaciones',
  notNow: 'Ahora no',
  denied:
    'Las notificaciones están bloqueadas en este navegador. Permítelas en la configuración del sitio para recibirlas.',
  subscribeFailed: 'No se pudo suscribir este dispositivo. Inténtalo más tarde.',
  enabledHere: 'Las notificaciones están activadas en este dispositivo.',
  thisDevice: 'Este dispositivo',
  permission: {
    default: 'Las notificaciones aún no están activadas en este dispositivo.',
    granted: 'Las notificaciones están permitidas en este dispositivo.',
    denied:
      'Las notificaciones están bloqueadas en la configuración del sitio de este navegador. Para desbloquearlas: haz clic en el icono a la izquierda de la barra de direcciones, abre Configuración del sitio, pon Notificaciones en Permitir y recarga esta página.',
    unsupported: 'Este navegador no admite notificaciones.',
  },
  support: {
    unsupported:
      'Este navegador no admite notificaciones push. Los avisos dentro de la app siguen funcionando.',
    insecure: 'Las notificaciones push necesitan HTTPS. Los avisos dentro de la app siguen funcionando.',
    supported: '',
  },
  resubscribe: 'Volver a suscribir este dispositivo',
  sendTest: 'Enviar una notificación de prueba',
  testNoDevices:
    'Ninguno de tus dispositivos recibe notificaciones push todavía. Permítelas primero en este dispositivo.',
  testSummary_one:
    'Enviada a {{count}} dispositivo: {{delivered}} entregadas, {{expired}} caducadas y eliminadas, {{failed}} fallidas.',
  testSummary_other:
    'Enviada a {{count}} dispositivos: {{delivered}} entregadas, {{expired}} caducadas y eliminadas, {{failed}} fallidas.',
  testSummary_many:
    'Enviada a {{count}} de dispositivos: {{delivered}} entregadas, {{expired}} caducadas y eliminadas, {{failed}} fallidas.',
  device: {
    delivered: 'Entregada',
    expired: 'Caducada: eliminada de tus dispositivos',
    failedStatus: 'Fallida: el servicio push respondió {{status}}',
    timedOut: 'Fallida: el servicio push no respondió a tiempo',
    unreachable: 'Fallida: no se pudo contactar con el servicio push',
  },
  events: 'Qué quiero que me notifiquen',
  eventColumn: 'Evento',
  event: {
    conversation_unassigned: 'Llega una conversación a Sin asignar',
    conversation_assigned: 'Me asignan una conversación',
    visitor_message: 'Un visitante escribe en mi conversación',
    mention: 'Alguien me menciona en una nota privada',
  },
  channel: { inApp: 'En la bandeja', push: 'Escritorio y móvil', sound: 'Sonido' },
  disabledByAdmin: 'Desactivado para todos',
  companyDefaults: 'Valores por defecto de la empresa',
  companyDefaultsIntro: 'Lo que reciben los usuarios nuevos y qué eventos no se notifican a nadie.',
  mode: { on: 'Activado por defecto', off: 'Desactivado por defecto', disabled: 'Desactivado para todos' },
};
