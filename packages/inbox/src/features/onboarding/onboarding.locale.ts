/** Strings of the first-run checklist (issue 16 item 5), mounted under `onboarding` in the locales. */
export const onboardingEn = {
  title: 'Get Charla ready',
  progress: '{{done}} of {{total}} done',
  hide: 'Hide checklist',
  showSteps: 'Show steps',
  hideSteps: 'Hide steps',
  done: 'done',
  todo: 'to do',
  newTab: '(opens in a new tab)',
  install: {
    title: 'Put the chat on your website',
    text: 'Copy the snippet from your playbook’s Installation tab into your site’s pages.',
    seen: 'We saw it on {{site}}.',
    action: 'Get the snippet',
  },
  online: {
    title: 'Go online',
    text: 'Visitors reach a person only while someone is online.',
    action: 'Go online',
  },
  teammate: {
    title: 'Invite a teammate',
    text: 'Share the inbox so no chat waits for one person.',
    action: 'Invite',
  },
  testChat: {
    title: 'Send yourself a test chat',
    text: 'Open the demo page, ask for a person and answer yourself here.',
    action: 'Open the demo page',
  },
  notifications: {
    title: 'Allow notifications on this device',
    text: 'Hear about new chats even when this tab is in the background.',
    action: 'Allow',
    blocked: 'Blocked in this browser: allow them in its site settings.',
    insecure: 'Needs HTTPS.',
  },
};

export const onboardingEs: typeof onboardingEn = {
  title: 'Deja Charla lista',
  progress: '{{done}} de {{total}} hechos',
  hide: 'Ocultar la lista',
  showSteps: 'Ver los pasos',
  hideSteps: 'Ocultar los pasos',
  done: 'hecho',
  todo: 'pendiente',
  newTab: '(se abre en una pestaña nueva)',
  install: {
    title: 'Pon el chat en tu web',
    text: 'Copia el fragmento de la pestaña Instalación de tu playbook en las páginas de tu sitio.',
    seen: 'Lo vimos en {{site}}.',
    action: 'Ver el fragmento',
  },
  online: {
    title: 'Conéctate',
    text: 'Los visitantes solo llegan a una persona mientras alguien está en línea.',
    action: 'Conectarme',
  },
  teammate: {
    title: 'Invita a un compañero',
    text: 'Comparte la bandeja para que ningún chat dependa de una sola persona.',
    action: 'Invitar',
  },
  testChat: {
    title: 'Envíate un chat de prueba',
    text: 'Abre la página de demostración, pide hablar con una persona y contéstate aquí.',
    action: 'Abrir la demostración',
  },
  notifications: {
    title: 'Permite las notificaciones en este dispositivo',
    text: 'Entérate de los chats nuevos aunque esta pestaña esté en segundo plano.',
    action: 'Permitir',
    blocked: 'Bloqueadas en este navegador: permítelas en la configuración del sitio.',
    insecure: 'Necesita HTTPS.',
  },
};
