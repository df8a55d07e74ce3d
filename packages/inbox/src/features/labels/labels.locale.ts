/** Strings of conversation labels (issue 16 item 3), mounted under `labels` in the locales. */
export const labelsEn = {
  filter: {
    label: 'Filter by label',
    all: 'All labels',
    field: 'Label',
  },
  picker: {
    button: 'Labels',
    heading: 'Labels of this chat',
    full: 'At most {{max}} labels: remove one to add another',
    none: 'No labels yet: an admin creates them in Settings.',
    noneAdmin: 'No labels yet: create them in Settings → Labels.',
  },
  panel: {
    title: 'Labels',
    empty: 'No labels yet.',
  },
  settings: {
    title: 'Labels',
    intro:
      'Tag conversations to find them again and to filter the inbox and the reports. Everyone sees the labels and puts them on the chats they can see, closed ones too.',
    add: 'New label',
    create: 'Create label',
    save: 'Save',
    edit: 'Edit label “{{name}}”',
    remove: 'Delete label “{{name}}”',
    removeConfirm: 'Delete label',
    removeText:
      '“{{name}}” is taken off every conversation that carries it. Leads keep the labels they were given.',
    none: 'No labels yet',
    noneText: 'Labels help you find conversations again and filter the inbox and reports by topic.',
    name: 'Name',
    color: 'Colour',
    preview: 'Preview',
  },
  colors: {
    gray: 'Grey',
    red: 'Red',
    orange: 'Orange',
    amber: 'Amber',
    green: 'Green',
    teal: 'Teal',
    blue: 'Blue',
    indigo: 'Indigo',
    purple: 'Purple',
    pink: 'Pink',
  },
};

export const labelsEs: typeof labelsEn = {
  filter: {
    label: 'Filtrar por etiqueta',
    all: 'Todas las etiquetas',
    field: 'Etiqueta',
  },
  picker: {
    button: 'Etiquetas',
    heading: 'Etiquetas de este chat',
    full: 'Como máximo {{max}} etiquetas: quita una para añadir otra',
    none: 'Aún no hay etiquetas: un administrador las crea en Ajustes.',
    noneAdmin: 'Aún no hay etiquetas: créalas en Ajustes → Etiquetas.',
  },
  panel: {
    title: 'Etiquetas',
    empty: 'Aún no hay etiquetas.',
  },
  settings: {
    title: 'Etiquetas',
    intro:
      'Etiqueta las conversaciones para volver a encontrarlas y filtrar la bandeja y los informes. Todos ven las etiquetas y las ponen en los chats que pueden ver, también en los cerrados.',
    add: 'Nueva etiqueta',
    create: 'Crear etiqueta',
    save: 'Guardar',
    edit: 'Editar la etiqueta «{{name}}»',
    remove: 'Eliminar la etiqueta «{{name}}»',
    removeConfirm: 'Eliminar etiqueta',
    removeText:
      '«{{name}}» se quita de todas las conversaciones que la llevan. Los leads conservan las etiquetas que recibieron.',
    none: 'Aún no hay etiquetas',
    noneText:
      'Las etiquetas ayudan a volver a encontrar conversaciones y a filtrar la bandeja y los informes por tema.',
    name: 'Nombre',
    color: 'Color',
    preview: 'Vista previa',
  },
  colors: {
    gray: 'Gris',
    red: 'Rojo',
    orange: 'Naranja',
    amber: 'Ámbar',
    green: 'Verde',
    teal: 'Verde azulado',
    blue: 'Azul',
    indigo: 'Índigo',
    purple: 'Morado',
    pink: 'Rosa',
  },
};
