// Switching a playbook's language (issue 18 item 5), spread into the playbook screens' strings.
export const languageEn = {
  language: {
    title: 'Switch the bot to {{to}}?',
    translatable_one:
      '{{count}} text is still as the template wrote it in {{from}}: Charla can put the template’s {{to}} text in its place.',
    translatable_other:
      '{{count}} texts are still as the template wrote them in {{from}}: Charla can put the template’s {{to}} texts in their place.',
    kept_one:
      'This text was written or changed here, so it stays as it is: translate it yourself, or visitors will read it in {{from}}.',
    kept_other:
      'These {{count}} texts were written or changed here, so they stay as they are: translate them yourself, or visitors will read them in {{from}}.',
    more_one: 'and {{count}} more',
    more_other: 'and {{count}} more',
    translate_one: 'Translate {{count}} text and switch',
    translate_other: 'Translate {{count}} texts and switch',
    switchOnly: 'Only switch the language',
  },
};

export const languageEs = {
  language: {
    title: '¿Cambiar el bot a {{to}}?',
    translatable_one:
      'Queda {{count}} texto tal como lo escribió la plantilla en {{from}}: Charla puede poner en su lugar el de la plantilla en {{to}}.',
    translatable_other:
      'Quedan {{count}} textos tal como los escribió la plantilla en {{from}}: Charla puede poner en su lugar los de la plantilla en {{to}}.',
    translatable_many:
      'Quedan {{count}} de textos tal como los escribió la plantilla en {{from}}: Charla puede poner en su lugar los de la plantilla en {{to}}.',
    kept_one:
      'Este texto se escribió o se cambió aquí, así que se queda como está: tradúcelo tú o los visitantes lo leerán en {{from}}.',
    kept_other:
      'Estos {{count}} textos se escribieron o se cambiaron aquí, así que se quedan como están: tradúcelos tú o los visitantes los leerán en {{from}}.',
    kept_many:
      'Estos {{count}} de textos se escribieron o se cambiaron aquí, así que se quedan como están: tradúcelos tú o los visitantes los leerán en {{from}}.',
    more_one: 'y {{count}} más',
    more_other: 'y {{count}} más',
    more_many: 'y {{count}} más',
    translate_one: 'Traducir {{count}} texto y cambiar',
    translate_other: 'Traducir {{count}} textos y cambiar',
    translate_many: 'Traducir {{count}} de textos y cambiar',
    switchOnly: 'Solo cambiar el idioma',
  },
};
