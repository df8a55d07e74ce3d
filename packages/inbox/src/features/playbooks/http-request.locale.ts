// The HTTP request and wait cards' strings (issue 18), spread into the playbook screens' strings.
// `{{example}}` stands for a `{{variable}}`, which i18next would otherwise fill in itself.
export const httpRequestEn = {
  httpRequest: {
    serverOnly: 'Charla’s server sends this request, never the visitor’s browser.',
    method: 'Method',
    url: 'URL',
    urlHint: 'The https address of a JSON API. Variables such as {{example}} may go in the path and query.',
    body: 'Body (JSON)',
    bodyHint: 'Put each variable inside quotes, like "{{example}}"; its value is escaped for JSON.',
    timeout: 'Timeout (seconds)',
    timeoutHint: '1 to 10 seconds; a slower answer takes the Failed path.',
    mapping: 'Values from the answer',
    mappingHelp:
      'Copy values of the JSON answer into variables: data.plan reads the plan inside data, items.0.name the name of the first item.',
    mappingRow: 'Value {{n}}',
    path: 'Path in the answer',
    variable: 'Save to',
    choose: 'Choose a variable…',
    addMapping: 'Add a value',
    removeMapping: 'Remove value {{n}}',
    failedHelp:
      'Failed is taken on a timeout, an error status, an answer that is not JSON or an address the server blocks. Not connected, the flow goes on through Next.',
    timeoutMeta: 'Timeout {{seconds}} s',
  },
  wait: {
    seconds: 'Pause (seconds)',
    hint: '1 to 60 seconds. The visitor sees the bot typing meanwhile.',
    meta: 'Pauses {{seconds}} s',
  },
};

export const httpRequestEs = {
  httpRequest: {
    serverOnly: 'Esta petición la envía el servidor de Charla, nunca el navegador del visitante.',
    method: 'Método',
    url: 'URL',
    urlHint:
      'La dirección https de una API JSON. Las variables como {{example}} pueden ir en la ruta y en la consulta.',
    body: 'Cuerpo (JSON)',
    bodyHint: 'Pon cada variable entre comillas, como "{{example}}"; su valor se escapa para JSON.',
    timeout: 'Tiempo límite (segundos)',
    timeoutHint: 'De 1 a 10 segundos; una respuesta más lenta sigue la ruta Falla.',
    mapping: 'Valores de la respuesta',
    mappingHelp:
      'Copia valores de la respuesta JSON en variables: data.plan lee el plan dentro de data, items.0.name el nombre del primer elemento.',
    mappingRow: 'Valor {{n}}',
    path: 'Ruta en la respuesta',
    variable: 'Guardar en',
    choose: 'Elige una variable…',
    addMapping: 'Añadir un valor',
    removeMapping: 'Quitar el valor {{n}}',
    failedHelp:
      'Falla se sigue si se agota el tiempo, llega un estado de error, la respuesta no es JSON o el servidor bloquea la dirección. Sin conectar, el flujo sigue por Siguiente.',
    timeoutMeta: 'Límite {{seconds}} s',
  },
  wait: {
    seconds: 'Pausa (segundos)',
    hint: 'De 1 a 60 segundos. Mientras tanto, el visitante ve que el bot escribe.',
    meta: 'Pausa de {{seconds}} s',
  },
};

/** The validator's rule 23–24 findings, spread into `findings`. */
export const httpFindingsEn = {
  HTTP_URL_INVALID: 'Enter a full http(s) address; variables may go in its path and query only.',
  HTTP_URL_PRIVATE:
    'This address is on a private network; allow private targets in the webhook settings first.',
  HTTP_URL_INSECURE: 'Use https; plain http only goes to private targets, where they are allowed.',
  HTTP_TIMEOUT_OUT_OF_RANGE: 'The timeout must be between 1 and 10 seconds.',
  HTTP_BODY_INVALID: 'The body is not JSON; put each variable inside quotes.',
  HTTP_MAPPING_PATH_INVALID: 'Write a path into the answer, such as data.plan.',
  HTTP_MAPPING_VARIABLE_INVALID: 'Choose a variable cards may set.',
  WAIT_OUT_OF_RANGE: 'The pause must be between 1 and 60 seconds.',
};

/** The validator's rule 23–24 findings, spread into `findings`. */
export const httpFindingsEs = {
  HTTP_URL_INVALID:
    'Escribe una dirección http(s) completa; las variables solo pueden ir en la ruta y la consulta.',
  HTTP_URL_PRIVATE:
    'Esta dirección está en una red privada; permite antes los destinos privados en los ajustes de webhooks.',
  HTTP_URL_INSECURE: 'Usa https; http sin cifrar solo va a destinos privados, donde están permitidos.',
  HTTP_TIMEOUT_OUT_OF_RANGE: 'El tiempo límite debe estar entre 1 y 10 segundos.',
  HTTP_BODY_INVALID: 'El cuerpo no es JSON; pon cada variable entre comillas.',
  HTTP_MAPPING_PATH_INVALID: 'Escribe una ruta en la respuesta, como data.plan.',
  HTTP_MAPPING_VARIABLE_INVALID: 'Elige una variable que las tarjetas puedan asignar.',
  WAIT_OUT_OF_RANGE: 'La pausa debe estar entre 1 y 60 segundos.',
};
