import type { TLanguage } from '../../common';

// Texts several templates share, per language.

export const BOT_NAME: Record<TLanguage, string> = { en: 'Assistant', es: 'Asistente' };

export const NAME_CAPTURE: Record<TLanguage, { prompt: string; placeholder: string; error: string }> = {
  en: { prompt: 'What’s your name?', placeholder: 'Your name', error: 'Please tell us your name.' },
  es: { prompt: '¿Cómo te llamas?', placeholder: 'Tu nombre', error: 'Dinos tu nombre, por favor.' },
};

export const EMAIL_CAPTURE: Record<TLanguage, { prompt: string; placeholder: string; error: string }> = {
  en: {
    prompt: 'Thanks, {{visitor_name}}! What’s your email address?',
    placeholder: 'name@company.com',
    error: 'That doesn’t look like an email address. Please try again.',
  },
  es: {
    prompt: '¡Gracias, {{visitor_name}}! ¿Cuál es tu dirección de email?',
    placeholder: 'nombre@empresa.com',
    error: 'Eso no parece una dirección de email. Inténtalo de nuevo.',
  },
};
