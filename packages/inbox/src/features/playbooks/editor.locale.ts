// The playbook editor's findings panel, layout and undo strings (issue 18), spread into the playbook screens' strings.
export const editorEn = {
  problems: {
    title: 'Problems',
    hint: 'Choose one to go to its card and field.',
    close: 'Close the problems list',
    none: 'No errors or warnings.',
    document: 'Playbook',
    savedDraft_one: 'Saved as draft — {{count}} error',
    savedDraft_other: 'Saved as draft — {{count}} errors',
    activateBlocked_one: 'Fix {{count}} error to activate',
    activateBlocked_other: 'Fix {{count}} errors to activate',
    severity: {
      error: 'Error',
      warning: 'Warning',
    },
  },
  layout: {
    tidyUp: 'Tidy up',
    showMap: 'Show the map',
    hideMap: 'Hide the map',
    undo: 'Undo',
    redo: 'Redo',
    history: 'Undo and redo',
  },
};

export const editorEs = {
  problems: {
    title: 'Problemas',
    hint: 'Elige uno para ir a su tarjeta y a su campo.',
    close: 'Cerrar la lista de problemas',
    none: 'Ningún error ni aviso.',
    document: 'Playbook',
    savedDraft_one: 'Guardado como borrador — {{count}} error',
    savedDraft_many: 'Guardado como borrador — {{count}} de errores',
    savedDraft_other: 'Guardado como borrador — {{count}} errores',
    activateBlocked_one: 'Corrige {{count}} error para activarlo',
    activateBlocked_many: 'Corrige {{count}} de errores para activarlo',
    activateBlocked_other: 'Corrige {{count}} errores para activarlo',
    severity: {
      error: 'Error',
      warning: 'Aviso',
    },
  },
  layout: {
    tidyUp: 'Ordenar',
    showMap: 'Mostrar el mapa',
    hideMap: 'Ocultar el mapa',
    undo: 'Deshacer',
    redo: 'Rehacer',
    history: 'Deshacer y rehacer',
  },
};
