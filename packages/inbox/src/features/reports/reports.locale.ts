/** English strings of satisfaction and reports (mounted under `reports` in locales/en.ts). */
export const reportsEn = {
  ratings: {
    title: 'Satisfaction',
    none: 'No ratings yet.',
    stars: '{{score}} out of 5',
    up: 'Good',
    down: 'Bad',
    conversation: 'Conversation',
  },
};

export const reportsEs: typeof reportsEn = {
  ratings: {
    title: 'Satisfacción',
    none: 'Todavía no hay valoraciones.',
    stars: '{{score}} de 5',
    up: 'Bien',
    down: 'Mal',
    conversation: 'Conversación',
  },
};
