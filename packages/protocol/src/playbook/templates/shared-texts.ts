import type { TLanguage } from '../../common';
import { withPseudoLocales } from '../../i18n/languages';

// Texts several templates share, per language.

export const BOT_NAME: Record<TLanguage, string> = withPseudoLocales({
  en: 'Assistant',
  es: 'Asistente',
  'pt-BR': 'Assistente',
  fr: 'Assistant',
  de: 'Assistent',
});

export const NAME_CAPTURE: Record<TLanguage, { prompt: string; placeholder: string; error: string }> =
  withPseudoLocales({
    en: { prompt: 'What’s your name?', placeholder: 'Your name', error: 'Please tell us your name.' },
    es: { prompt: '¿Cómo te llamas?', placeholder: 'Tu nombre', error: 'Dinos tu nombre, por favor.' },
    'pt-BR': {
      prompt: 'Qual é o seu nome?',
      placeholder: 'Seu nome',
      error: 'Diga-nos o seu nome, por favor.',
    },
    fr: {
      prompt: 'Comment vous appelez-vous ?',
      placeholder: 'Votre nom',
      error: 'Indiquez-nous votre nom, s’il vous plaît.',
    },
    de: { prompt: 'Wie heißt du?', placeholder: 'Dein Name', error: 'Bitte nenne uns deinen Namen.' },
  });

export const EMAIL_CAPTURE: Record<TLanguage, { prompt: string; placeholder: string; error: string }> =
  withPseudoLocales({
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
    'pt-BR': {
      prompt: 'Obrigado, {{visitor_name}}! Qual é o seu e-mail?',
      placeholder: 'nome@empresa.com',
      error: 'Isso não parece um endereço de e-mail. Tente novamente.',
    },
    fr: {
      prompt: 'Merci, {{visitor_name}} ! Quelle est votre adresse e-mail ?',
      placeholder: 'nom@entreprise.fr',
      error: 'Cela ne ressemble pas à une adresse e-mail. Réessayez.',
    },
    de: {
      prompt: 'Danke, {{visitor_name}}! Wie lautet deine E-Mail-Adresse?',
      placeholder: 'name@firma.de',
      error: 'Das sieht nicht nach einer E-Mail-Adresse aus. Bitte versuch es noch einmal.',
    },
  });
