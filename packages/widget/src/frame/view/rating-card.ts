import type { TSatisfactionSurvey, TVisitorRatingStateDto } from '@charla/protocol';
import type { TTranslate } from '../i18n';
import type { TRatingApi } from '../net/rating-api';
import { isEnded, type TChatState } from '../state/chat-state';
import { h, icon, ICONS } from './dom';

const KNOWN_ERRORS = new Set(['RATING_WINDOW_OVER', 'RATING_CONVERSATION_OPEN', 'RATING_OUT_OF_RANGE']);

/** The scores a scale offers, with their accessible names (thumbs: down = 1, up = 5). */
function choicesOf(survey: Exclude<TSatisfactionSurvey, 'off'>, t: TTranslate) {
  if (survey === 'thumbs')
    return [
      { score: 5, label: t('rateUp'), path: ICONS.thumbUp },
      { score: 1, label: t('rateDown'), path: ICONS.thumbDown },
    ];
  return [1, 2, 3, 4, 5].map((score) => ({
    score,
    label: t('rateStars', { n: String(score) }),
    path: ICONS.star,
  }));
}

/** Radio inputs drawn as stars or thumbs; the chosen star and those before it light up. */
function scaleGroup(survey: Exclude<TSatisfactionSurvey, 'off'>, current: number, t: TTranslate) {
  const choices = choicesOf(survey, t).map((choice) => {
    const input = h('input', {
      type: 'radio',
      name: 'score',
      value: choice.score,
      'aria-label': choice.label,
    });
    input.checked = choice.score === current;
    return h('label', { class: 'rate-choice', title: choice.label }, input, icon(choice.path));
  });
  const group = h('div', { class: `rate-scale rate-${survey}` }, ...choices);
  const light = (): void => {
    const picked = Number(group.querySelector<HTMLInputElement>('input:checked')?.value ?? 0);
    for (const label of choices) {
      const score = Number(label.querySelector('input')?.value);
      label.classList.toggle('on', survey === 'stars' ? score <= picked : score === picked);
    }
  };
  group.addEventListener('change', light);
  light();
  return group;
}

/**
 * Paints the card again and, when the focus was in it (on Send rating or Change my rating, both
 * replaced), puts it where the reader is instead of letting it fall to the page: on the checked
 * choice when editing, else on the thanks (Change my rating follows it).
 */
function repaintFocused(el: HTMLElement, paint: () => void): void {
  const hadFocus = el.contains(document.activeElement);
  paint();
  if (!hadFocus) return;
  const next =
    el.querySelector<HTMLElement>('input[name="score"]:checked') ??
    el.querySelector<HTMLElement>('input[name="score"]') ??
    el.querySelector<HTMLElement>('.rate-thanks');
  next?.focus();
}

/**
 * After the conversation ends: "How was this conversation?" with stars or thumbs (the playbook's
 * setting), an optional comment, and "thanks" afterwards with a way to change it while allowed.
 */
export function createRatingCard(t: TTranslate, api: TRatingApi) {
  const el = h('form', { class: 'rate', hidden: true, novalidate: true });
  let conversationId: string | null = null;
  let loaded: TVisitorRatingStateDto | null = null;
  let editing = false;

  const paint = (): void => {
    const survey = loaded?.survey;
    if (!loaded || !survey || survey === 'off' || (!loaded.canRate && !loaded.rating)) {
      el.hidden = true;
      return;
    }
    el.hidden = false;
    if (loaded.rating && !editing) {
      const change = h(
        'button',
        { type: 'button', class: 'link-btn', onclick: () => ((editing = true), repaintKeepingFocus()) },
        t('rateChange'),
      );
      el.replaceChildren(h('p', { class: 'rate-thanks', role: 'status', tabindex: -1 }, t('rateThanks')));
      if (loaded.canRate) el.append(change);
      return;
    }
    const group = scaleGroup(survey, loaded.rating?.score ?? 0, t);
    const comment = h('textarea', { class: 'field rate-comment', name: 'comment', rows: 2, maxlength: 1000 });
    comment.placeholder = t('rateComment');
    comment.setAttribute('aria-label', t('rateComment'));
    comment.value = loaded.rating?.comment ?? '';
    const error = h('p', { class: 'rate-error', role: 'alert', hidden: true });
    group.addEventListener('change', () => (error.hidden = true));
    el.replaceChildren(
      h('fieldset', {}, h('legend', {}, t('rateTitle')), group),
      comment,
      error,
      h('button', { type: 'submit', class: 'primary' }, t('rateSend')),
    );
    el.onsubmit = (event) => {
      event.preventDefault();
      const picked = el.querySelector<HTMLInputElement>('input[name="score"]:checked');
      if (!picked) return showError(error, t('ratePick'));
      const id = conversationId as string;
      api.rate(id, Number(picked.value), comment.value).then(
        (rating) => {
          if (id !== conversationId || !loaded) return;
          loaded = { ...loaded, rating };
          editing = false;
          repaintKeepingFocus();
        },
        (err: Error) => showError(error, KNOWN_ERRORS.has(err.message) ? t('rateClosed') : t('rateFailed')),
      );
    };
  };

  const repaintKeepingFocus = (): void => repaintFocused(el, paint);

  const showError = (error: HTMLElement, text: string): void => {
    error.textContent = text;
    error.hidden = false;
  };

  return {
    el,
    render(state: TChatState): void {
      const id = isEnded(state.conversation) ? (state.conversation?.id ?? null) : null;
      if (id === conversationId) return;
      conversationId = id;
      loaded = null;
      editing = false;
      paint();
      if (!id) return;
      api.load(id).then(
        (result) => {
          if (id !== conversationId) return;
          loaded = result;
          paint();
        },
        () => undefined,
      );
    },
  };
}
