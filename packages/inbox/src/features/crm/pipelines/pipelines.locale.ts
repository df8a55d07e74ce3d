/** English strings of Settings › Pipelines (mounted under `pipelines` in locales/en.ts). */
export const pipelinesEn = {
  title: 'Pipelines',
  intro:
    'Your sales pipelines and their stages. The win probability of a stage weighs its deals on the board.',
  name: 'Pipeline name',
  default: 'Default',
  makeDefault: 'Make default',
  deletePipeline: 'Delete pipeline',
  stageName: 'Stage name',
  probability: 'Win probability',
  moveUp: 'Move {{name}} up',
  moveDown: 'Move {{name}} down',
  deleteStage: 'Delete {{name}}',
  moveDealsTo: 'Move its deals to',
  confirmDelete: 'Delete and move deals',
  newStage: 'New stage',
  addStage: 'Add stage',
  newPipeline: 'New pipeline',
  newPlaceholder: 'e.g. Partnerships',
  add: 'Add pipeline',
  firstStage: 'New',
};

/** Spanish strings of Settings › Pipelines. */
export const pipelinesEs: typeof pipelinesEn = {
  title: 'Embudos',
  intro:
    'Tus embudos de venta y sus etapas. La probabilidad de éxito de una etapa pondera sus oportunidades en el tablero.',
  name: 'Nombre del embudo',
  default: 'Predeterminado',
  makeDefault: 'Hacer predeterminado',
  deletePipeline: 'Eliminar embudo',
  stageName: 'Nombre de la etapa',
  probability: 'Probabilidad de éxito',
  moveUp: 'Subir {{name}}',
  moveDown: 'Bajar {{name}}',
  deleteStage: 'Eliminar {{name}}',
  moveDealsTo: 'Mover sus oportunidades a',
  confirmDelete: 'Eliminar y mover oportunidades',
  newStage: 'Nueva etapa',
  addStage: 'Añadir etapa',
  newPipeline: 'Nuevo embudo',
  newPlaceholder: 'p. ej. Alianzas',
  add: 'Añadir embudo',
  firstStage: 'Nueva',
};
