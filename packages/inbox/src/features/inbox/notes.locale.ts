/**
 * Strings of private notes and @mentions (issue 16), mounted under `notes` in the locales
 * (pt-BR, fr and de are in their JSON files).
 */
export const notesEn = {
  modes: 'Reply or private note',
  reply: 'Reply',
  note: 'Private note',
  label: 'Private note',
  placeholder: 'Write a note only your team sees… Type @ to mention someone',
  hint: 'Only your team sees notes · Enter to add · @ to mention',
  add: 'Add note',
  adding: 'Adding…',
  privateBadge: 'Private note',
  onlyTeam: 'Only visible to your team',
  mentionList: 'People to mention',
  noMatch: 'Nobody matches “{{query}}”',
  mentioned: '{{by}} mentioned {{name}}: they can read this conversation',
  readOnly: 'You were mentioned in this conversation: you can read it and add private notes.',
  failed: 'The note was not added.',
  notification: 'Mentions',
};

export const notesEs: typeof notesEn = {
  modes: 'Respuesta o nota privada',
  reply: 'Responder',
  note: 'Nota privada',
  label: 'Nota privada',
  placeholder: 'Escribe una nota que solo ve tu equipo… Escribe @ para mencionar a alguien',
  hint: 'Solo tu equipo ve las notas · Intro para añadir · @ para mencionar',
  add: 'Añadir nota',
  adding: 'Añadiendo…',
  privateBadge: 'Nota privada',
  onlyTeam: 'Solo la ve tu equipo',
  mentionList: 'Personas a mencionar',
  noMatch: 'Nadie coincide con «{{query}}»',
  mentioned: '{{by}} mencionó a {{name}}: puede leer esta conversación',
  readOnly: 'Te mencionaron en esta conversación: puedes leerla y añadir notas privadas.',
  failed: 'No se añadió la nota.',
  notification: 'Menciones',
};
