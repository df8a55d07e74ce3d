import type { TLanguage } from './common';
import { errorCatalogue, errorCodes, type ErrorCode } from './errors';
import { errorMessagesDe } from './error-messages.de';
import { errorMessagesFr } from './error-messages.fr';
import { errorMessagesPtBr } from './error-messages.pt-BR';
import { withPseudoLocales } from './i18n/languages';

/** The catalogue's messages in Spanish: the type makes every code have one. */
const spanish: Record<ErrorCode, string> = {
  BAD_REQUEST: 'La solicitud está mal formada.',
  INVALID_JSON: 'El cuerpo de la solicitud no es JSON válido.',
  VALIDATION_FAILED: 'Algunos campos no son válidos.',
  INVALID_CURSOR: 'El cursor de página no es válido; vuelve a empezar desde la primera página.',
  UNAUTHENTICATED: 'Tienes que iniciar sesión.',
  INVALID_CREDENTIALS: 'El email o la contraseña no son correctos.',
  VISITOR_TOKEN_INVALID: 'El token de visitante es desconocido o ha caducado.',
  FORBIDDEN: 'No tienes permiso para hacer esto.',
  ORIGIN_NOT_ALLOWED: 'No se permiten solicitudes desde este origen.',
  NOT_FOUND: 'Aquí no hay nada.',
  USER_NOT_FOUND: 'El usuario no existe.',
  SESSION_NOT_FOUND: 'La sesión no existe.',
  CONVERSATION_NOT_FOUND: 'La conversación no existe o no puedes verla.',
  PLAYBOOK_NOT_FOUND: 'El playbook no existe.',
  RECORD_NOT_FOUND: 'El registro no existe.',
  WEBHOOK_NOT_FOUND: 'El webhook no existe.',
  API_TOKEN_NOT_FOUND: 'El token de API no existe.',
  PRIVACY_SUBJECT_NOT_FOUND: 'Aquí no se guarda ningún dato de esta persona o visitante.',
  TEAM_NOT_FOUND: 'El equipo no existe.',
  TEAM_NAME_TAKEN: 'Ya existe un equipo con este nombre.',
  LABEL_NOT_FOUND: 'La etiqueta no existe.',
  LABEL_NAME_TAKEN: 'Ya existe una etiqueta con este nombre.',
  LABEL_COLOR_UNKNOWN: 'Elige uno de los colores de etiqueta de la paleta.',
  LABEL_UNKNOWN: 'Ninguna etiqueta tiene este id; vuelve a cargar las etiquetas.',
  LABEL_LIMIT_REACHED: 'Una conversación lleva como máximo 10 etiquetas.',
  ATTACHMENT_TOO_LARGE: 'El archivo supera el límite para un archivo.',
  ATTACHMENT_QUOTA_EXCEEDED: 'Esta conversación no tiene espacio para más archivos.',
  ATTACHMENT_TYPE_NOT_ALLOWED:
    'No se puede enviar este tipo de archivo: envía una imagen (PNG, JPEG, GIF, WebP) o un PDF.',
  ATTACHMENT_POLYGLOT:
    'El archivo es también otra cosa (una página web, un script o un archivo comprimido) y no se puede enviar.',
  ATTACHMENT_UNREADABLE: 'El archivo está dañado o es demasiado grande para abrirlo como imagen.',
  ATTACHMENT_INCOMPLETE: 'El archivo no llegó completo; envíalo de nuevo.',
  ATTACHMENT_NOT_FOUND: 'El archivo no existe, ya se envió o no puedes verlo.',
  ATTACHMENT_LINK_INVALID:
    'El enlace del archivo no es válido o ha caducado; vuelve a abrir el archivo desde la conversación.',
  EMAIL_TAKEN: 'Ya existe un usuario con este email.',
  CONFLICT: 'El recurso ha cambiado mientras tanto.',
  CONVERSATION_ALREADY_ASSIGNED: 'Otra persona ha tomado esta conversación antes.',
  CONVERSATION_CLOSED: 'La conversación está cerrada.',
  INVALID_TRANSITION: 'Esta acción no es posible en el estado actual de la conversación.',
  ANSWER_NOT_EXPECTED: 'El bot no está esperando esta respuesta.',
  WAITING_TIME_OVER: 'El tiempo de espera terminó: el visitante siguió por el camino sin conexión.',
  NOT_ASSIGNEE: 'Solo la persona a la que está asignada la conversación puede hacer esto.',
  PLAYBOOK_INVALID: 'El playbook tiene errores.',
  REVISION_CONFLICT: 'Otra persona ha cambiado el playbook; vuelve a cargarlo.',
  LAST_ADMIN: 'El último administrador activo no puede perder su rol ni ser desactivado.',
  SETUP_ALREADY_DONE: 'Charla ya está configurado.',
  SETUP_TOKEN_INVALID: 'El enlace de configuración no es válido.',
  WEBHOOK_URL_FORBIDDEN: 'No se permiten URLs de webhook en direcciones locales o privadas.',
  PUSH_ENDPOINT_FORBIDDEN: 'Los endpoints de suscripción push deben ser URLs https públicas.',
  PRIVACY_URL_NOT_WEB:
    'El enlace de privacidad debe ser una dirección web que empiece por https:// o http://.',
  CRM_REFERENCE_NOT_FOUND: 'Un registro referenciado no existe.',
  CRM_STAGE_NOT_IN_PIPELINE: 'La etapa no pertenece al embudo.',
  CRM_LEAD_NOT_OPEN: 'Solo se puede convertir un lead abierto.',
  CRM_LEAD_EXISTS: 'Esta conversación ya tiene un lead; envía another=true para crear otro.',
  CRM_DEAL_EXISTS: 'Esta conversación ya tiene un negocio; envía another=true para crear otro.',
  CRM_STAGE_IN_USE: 'Todavía hay negocios en esta etapa o embudo; muévelos antes.',
  CRM_PIPELINE_NEEDS_STAGE: 'Un embudo conserva al menos una etapa.',
  CRM_MOVE_TARGET_INVALID:
    'Los negocios solo pueden pasar a una etapa que se queda: otra etapa del embudo, u otra etapa de otro embudo si se elimina el embudo.',
  CRM_DEFAULT_PIPELINE: 'El embudo predeterminado no se puede eliminar; haz otro predeterminado antes.',
  NOTE_EMPTY: 'Una nota privada necesita algo de texto.',
  NOTE_TOO_LONG: 'Una nota privada puede tener como máximo 5.000 caracteres.',
  MENTION_USER_UNKNOWN: 'Un usuario mencionado no existe o está desactivado.',
  RATING_OUT_OF_RANGE: 'La valoración debe ser un número entero de la escala de la encuesta.',
  RATING_CONVERSATION_OPEN: 'Una conversación se puede valorar cuando está cerrada.',
  RATING_WINDOW_OVER: 'Ya no se puede valorar esta conversación.',
  RATING_NOT_ASKED: 'Este chat no pide valoración.',
  CANNED_RESPONSE_NOT_FOUND: 'No hay ninguna respuesta predefinida con este id que puedas usar.',
  CANNED_SHORTCUT_TAKEN: 'Otra respuesta predefinida de este ámbito ya tiene este atajo.',
  CANNED_VARIABLE_INVALID:
    'Una variable no es válida: usa {{visitor.name}}, {{visitor.email}}, {{user.name}} o una variable del playbook como {{company_name}}, con un valor por defecto opcional: {{visitor.name | amigo}}.',
  CANNED_FILE_NOT_FOUND: 'Esta respuesta predefinida no tiene ningún archivo con este id.',
  CANNED_FILE_LIMIT_REACHED: 'Una respuesta predefinida lleva como máximo 10 archivos.',
  REPORT_RANGE_INVALID: 'El periodo del informe debe avanzar en el tiempo y abarcar como máximo 400 días.',
  MAIL_ADDRESS_INVALID: 'La dirección de email no es válida.',
  INVITATION_INVALID: 'El enlace de invitación no es válido.',
  INVITATION_EXPIRED: 'El enlace de invitación ha caducado; pide uno nuevo.',
  INVITATION_USED: 'La invitación ya se aceptó; inicia sesión.',
  INVITATION_REVOKED: 'La invitación se retiró.',
  RESET_TOKEN_INVALID: 'El enlace para restablecer la contraseña no es válido.',
  RESET_TOKEN_EXPIRED: 'El enlace para restablecer la contraseña ha caducado; pide uno nuevo.',
  RESET_TOKEN_USED: 'El enlace para restablecer la contraseña ya se usó.',
  CURRENT_PASSWORD_WRONG: 'La contraseña actual no es correcta.',
  TRANSCRIPT_NO_ADDRESS: 'No hay ninguna dirección de email a la que enviar la transcripción; escribe una.',
  VISITOR_NO_EMAIL: 'El visitante no dejó ninguna dirección de email a la que escribir.',
  FOLLOW_UP_LINK_INVALID: 'El enlace al chat no es válido.',
  FOLLOW_UP_LINK_EXPIRED: 'El enlace al chat ha caducado; escríbenos de nuevo.',
  INBOUND_SECRET_INVALID: 'El secreto del correo entrante no es correcto.',
  INBOUND_MAIL_TOO_LARGE: 'El correo entrante es demasiado grande.',
  INBOUND_MAIL_INVALID: 'El correo entrante está mal formado (cabeceras, remitente o texto).',
  INBOUND_MAIL_UNROUTABLE: 'El correo entrante no es una respuesta a una conversación de Charla.',
  IDENTITY_HASH_INVALID:
    'El userHash no corresponde al userId: calcula HMAC-SHA256(secreto de identidad, userId) en tu servidor.',
  IDENTITY_VERIFICATION_REQUIRED:
    'Charla.identify() necesita aquí un userId y su userHash: solo se aceptan identidades verificadas.',
  IDENTITY_EMAIL_CHANGED:
    'Este usuario verificado tiene otro email registrado; cámbialo desde tu servidor con la API REST.',
  IDENTITY_ATTRIBUTE_CHANGED:
    'Un atributo de este usuario verificado lo fijó tu servidor; cámbialo desde tu servidor con la API REST, no desde el navegador.',
  IDENTITY_SECRET_EXPOSED:
    'El propio secreto de identidad llegó al navegador: pasa solo el userHash y cambia el secreto ya.',
  IDENTITY_NOT_FOUND: 'Ningún visitante verificado tiene este userId.',
  FRAME_TOO_LARGE: 'El mensaje de WebSocket supera los 64 KB.',
  PAYLOAD_TOO_LARGE: 'El cuerpo de la solicitud es demasiado grande.',
  JSON_TOO_DEEP: 'El JSON está anidado demasiado (como máximo 64 niveles).',
  JSON_TOO_LARGE: 'El JSON tiene demasiados valores (como máximo 100.000).',
  INVALID_URL: 'La URL no es válida.',
  URL_TOO_LONG: 'La URL es demasiado larga.',
  HEADERS_TOO_LARGE: 'Las cabeceras de la solicitud son demasiado grandes.',
  UNSUPPORTED_MEDIA_TYPE: 'Envía JSON con Content-Type: application/json.',
  RATE_LIMITED: 'Demasiadas solicitudes; inténtalo más tarde.',
  SERVICE_UNAVAILABLE: 'El servicio no está disponible en este momento; vuelve a intentarlo.',
  INTERNAL: 'Algo ha fallado por nuestra parte.',
};

const english = Object.fromEntries(errorCodes.map((code) => [code, errorCatalogue[code].message])) as Record<
  ErrorCode,
  string
>;

/** English where a newer language lacks a code (the locale test lists what is missing). */
const complete = (messages: Partial<Record<ErrorCode, string>>) => ({ ...english, ...messages });

/** Every catalogue message in every language the UIs speak (R26). */
export const errorMessages: Record<TLanguage, Record<ErrorCode, string>> = withPseudoLocales({
  en: english,
  es: spanish,
  'pt-BR': complete(errorMessagesPtBr),
  fr: complete(errorMessagesFr),
  de: complete(errorMessagesDe),
});

/** The translations as written, for the test that lists codes a language still lacks. */
export const writtenErrorMessages = {
  es: spanish,
  'pt-BR': errorMessagesPtBr,
  fr: errorMessagesFr,
  de: errorMessagesDe,
};

/** The message a user may see for an error code, in their language. */
export function errorMessageFor(code: ErrorCode, language: TLanguage): string {
  return errorMessages[language][code];
}
