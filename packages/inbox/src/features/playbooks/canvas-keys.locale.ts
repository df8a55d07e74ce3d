// The flow canvas's keyboard navigation and new linked cards (issue 18 item 1), spread into the
// playbook screens' strings.

export const canvasKeysEn = {
  keys: {
    help: 'Keyboard shortcuts',
    pickerTitle: 'Add a connected card',
    noExit: 'This card has no exit to connect a new card to.',
    cardLabel: '{{type}} card: {{summary}}',
    cardLabelBare: '{{type}} card',
    rows: {
      tab: { keys: 'Tab · Shift+Tab', text: 'Go through the cards and their buttons' },
      arrows: { keys: 'Arrow keys', text: 'Go to the nearest card in that direction' },
      start: { keys: 'Home', text: 'Go to the start card' },
      edit: { keys: 'Enter', text: 'Edit the card' },
      select: { keys: 'Space', text: 'Select or unselect the card' },
      move: { keys: 'Shift + arrow keys', text: 'Move the card' },
      add: { keys: 'N', text: 'Add a card connected to the card’s first free exit' },
      drop: {
        keys: 'Drag an exit to empty space',
        text: 'Choose a card to create there, already connected',
      },
      remove: { keys: 'Delete · Backspace', text: 'Delete the card (Ctrl+Z brings it back)' },
      copy: { keys: 'Ctrl+C · Ctrl+V', text: 'Copy and paste the selected cards' },
      undo: { keys: 'Ctrl+Z · Ctrl+Shift+Z', text: 'Undo and redo' },
      escape: { keys: 'Esc', text: 'Close the card menu, or unselect the card' },
      help: { keys: '?', text: 'Show these shortcuts' },
    },
  },
};

export const canvasKeysEs: typeof canvasKeysEn = {
  keys: {
    help: 'Atajos de teclado',
    pickerTitle: 'Añadir una tarjeta conectada',
    noExit: 'Esta tarjeta no tiene ninguna salida a la que conectar una tarjeta nueva.',
    cardLabel: 'Tarjeta {{type}}: {{summary}}',
    cardLabelBare: 'Tarjeta {{type}}',
    rows: {
      tab: { keys: 'Tab · Mayús+Tab', text: 'Recorrer las tarjetas y sus botones' },
      arrows: { keys: 'Flechas', text: 'Ir a la tarjeta más cercana en esa dirección' },
      start: { keys: 'Inicio', text: 'Ir a la tarjeta de inicio' },
      edit: { keys: 'Intro', text: 'Editar la tarjeta' },
      select: { keys: 'Espacio', text: 'Seleccionar o deseleccionar la tarjeta' },
      move: { keys: 'Mayús + flechas', text: 'Mover la tarjeta' },
      add: { keys: 'N', text: 'Añadir una tarjeta conectada a la primera salida libre' },
      drop: {
        keys: 'Arrastrar una salida a un espacio vacío',
        text: 'Elegir una tarjeta que se crea allí, ya conectada',
      },
      remove: { keys: 'Supr · Retroceso', text: 'Eliminar la tarjeta (Ctrl+Z la recupera)' },
      copy: { keys: 'Ctrl+C · Ctrl+V', text: 'Copiar y pegar las tarjetas seleccionadas' },
      undo: { keys: 'Ctrl+Z · Ctrl+Mayús+Z', text: 'Deshacer y rehacer' },
      escape: { keys: 'Esc', text: 'Cerrar el menú de tarjetas o deseleccionar la tarjeta' },
      help: { keys: '?', text: 'Mostrar estos atajos' },
    },
  },
};
