/** Strings of the person's history in the side panel (mounted under `history` in the locales). */
export const historyEn = {
  title: 'History',
  conversations: 'Earlier conversations',
  leads: 'Leads',
  deals: 'Deals',
  activities: 'Open activities',
  empty: 'Nothing earlier with this person yet.',
  loadError: 'Could not load the history.',
  started: 'Started {{time}}',
  due: 'Due {{time}}',
  noDue: 'No due date',
  status: { bot: 'With the bot', waiting: 'Waiting', assigned: 'Assigned', closed: 'Closed' },
};

export const historyEs: typeof historyEn = {
  title: 'Historial',
  conversations: 'Conversaciones anteriores',
  leads: 'Leads',
  deals: 'Oportunidades',
  activities: 'Actividades abiertas',
  empty: 'Aún no hay nada anterior con esta persona.',
  loadError: 'No se pudo cargar el historial.',
  started: 'Iniciada {{time}}',
  due: 'Vence {{time}}',
  noDue: 'Sin fecha límite',
  status: { bot: 'Con el bot', waiting: 'En espera', assigned: 'Asignada', closed: 'Cerrada' },
};
