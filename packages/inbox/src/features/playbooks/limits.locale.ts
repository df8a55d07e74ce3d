// How much room a length-limited field of the playbook editor has left (its name, a card's title),
// spread into the playbook screens' strings.

export const limitsEn = {
  limits: {
    charsLeft_one: '{{count}} character left',
    charsLeft_other: '{{count}} characters left',
  },
};

export const limitsEs = {
  limits: {
    charsLeft_one: 'Queda {{count}} carácter',
    charsLeft_other: 'Quedan {{count}} caracteres',
    charsLeft_many: 'Quedan {{count}} de caracteres',
  },
};
