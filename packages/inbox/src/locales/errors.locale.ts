/** `errors`: messages any screen shows, the field messages of lib/person-fields.ts among them. */
export const errorsEn = {
  generic: 'Something went wrong. Please try again.',
  checkFields: 'Check the marked fields.',
  rateLimited: 'Too many attempts. Wait a minute and try again.',
  unreachable: 'Charla cannot be reached right now.',
  invalidField: 'This field is not valid.',
  required: 'Fill in this field.',
  tooLong: 'Use at most {{max}} characters.',
  tooShort: 'Use at least {{min}} characters.',
  emailInvalid: 'Enter an email address like name@example.com.',
  urlInvalid: 'Enter a web address like https://example.com.',
  tooLarge: 'Use a number no greater than {{max}}.',
  tooSmall: 'Use a number no smaller than {{min}}.',
};

export const errorsEs: typeof errorsEn = {
  generic: 'Algo salió mal. Inténtalo de nuevo.',
  checkFields: 'Revisa los campos marcados.',
  rateLimited: 'Demasiados intentos. Espera un minuto y vuelve a probar.',
  unreachable: 'No se puede conectar con Charla en este momento.',
  invalidField: 'Este campo no es válido.',
  required: 'Rellena este campo.',
  tooLong: 'Usa como máximo {{max}} caracteres.',
  tooShort: 'Usa al menos {{min}} caracteres.',
  emailInvalid: 'Escribe un correo como nombre@ejemplo.com.',
  urlInvalid: 'Escribe una dirección web como https://ejemplo.com.',
  tooLarge: 'Usa un número no mayor que {{max}}.',
  tooSmall: 'Usa un número no menor que {{min}}.',
};
