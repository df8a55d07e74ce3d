/** Strings of signed visitor identity (issue 24), mounted under `identity` in the locales. */
export const identityEn = {
  verified: 'Verified',
  unverified: 'Unverified',
  verifiedTitle: 'Signed in on your site: the identity is signed by your server.',
  unverifiedTitle: 'Told by the page without a signature: anyone could have set it.',
  attributeUnverifiedTitle:
    'Passed by the page: the signature covers only the user ID, so anyone could have set it. Set it from your server (REST API) to verify it.',
  emailUnverifiedTitle:
    'Passed by the page: the signature covers only the user ID, so this email is never matched to a CRM person. Set it from your server (REST API) to verify it.',
  userId: 'User ID',
  verifiedUser: 'User of your site',
  attributes: 'Attributes',
  yes: 'Yes',
  no: 'No',
  settings: {
    title: 'Visitor identity',
    intro:
      'Your site’s server signs each logged-in user: userHash = HMAC-SHA256(secret, userId). Verified users share one chat history across their devices.',
    secrets: 'Secrets',
    none: 'No secret yet: every identity is unverified.',
    current: 'Current · ends in …{{hint}}',
    previous: 'Previous · ends in …{{hint}} · valid until {{time}}',
    rotate: 'Create a new secret',
    rotateFirst: 'Create a secret',
    rotateConfirm:
      'Create a new secret? The current one keeps working for the grace period, then stops: update your server before it ends.',
    newSecret: 'The new secret (shown only now): keep it on your server, never in a web page.',
    copy: 'Copy',
    copied: 'Copied',
    require: 'Require verified identity',
    requireHelp: 'Charla.identify() without a valid userHash is refused, and the widget reports the error.',
    grace: 'Grace period after a rotation (hours)',
    save: 'Save',
    saved: 'Saved',
  },
};

export const identityEs: typeof identityEn = {
  verified: 'Verificado',
  unverified: 'Sin verificar',
  verifiedTitle: 'Ha iniciado sesión en tu sitio: tu servidor firma la identidad.',
  unverifiedTitle: 'La página lo indicó sin firma: cualquiera podría haberlo puesto.',
  attributeUnverifiedTitle:
    'Lo pasó la página: la firma solo cubre el ID de usuario, así que cualquiera podría haberlo puesto. Fíjalo desde tu servidor (API REST) para verificarlo.',
  emailUnverifiedTitle:
    'Lo pasó la página: la firma solo cubre el ID de usuario, así que este email nunca se asocia a una persona del CRM. Fíjalo desde tu servidor (API REST) para verificarlo.',
  userId: 'ID de usuario',
  verifiedUser: 'Usuario de tu sitio',
  attributes: 'Atributos',
  yes: 'Sí',
  no: 'No',
  settings: {
    title: 'Identidad de los visitantes',
    intro:
      'El servidor de tu sitio firma a cada usuario con sesión iniciada: userHash = HMAC-SHA256(secreto, userId). Los usuarios verificados comparten un mismo historial de chat en todos sus dispositivos.',
    secrets: 'Secretos',
    none: 'Aún no hay secreto: todas las identidades quedan sin verificar.',
    current: 'Actual · termina en …{{hint}}',
    previous: 'Anterior · termina en …{{hint}} · válido hasta {{time}}',
    rotate: 'Crear un secreto nuevo',
    rotateFirst: 'Crear un secreto',
    rotateConfirm:
      '¿Crear un secreto nuevo? El actual sigue funcionando durante el periodo de gracia y luego deja de hacerlo: actualiza tu servidor antes.',
    newSecret: 'El secreto nuevo (solo se muestra ahora): guárdalo en tu servidor, nunca en una página web.',
    copy: 'Copiar',
    copied: 'Copiado',
    require: 'Exigir identidad verificada',
    requireHelp: 'Se rechaza Charla.identify() sin un userHash válido, y el widget informa del error.',
    grace: 'Periodo de gracia tras cambiar el secreto (horas)',
    save: 'Guardar',
    saved: 'Guardado',
  },
};
