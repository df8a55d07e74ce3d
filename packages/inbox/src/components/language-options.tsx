import { pseudoLanguages, realLanguages } from '@charla/protocol';
import { currentLanguage } from '../lib/i18n';

/**
 * The `<option>`s of a language picker, each language named in itself. The pseudo-locales are
 * offered only while the UI runs in one (tests), so a playbook or user can be set to them there.
 */
export function LanguageOptions() {
  const pseudo = pseudoLanguages.includes(currentLanguage());
  return (
    <>
      {realLanguages.map((l) => (
        <option key={l.code} value={l.code} lang={l.code}>
          {l.label}
        </option>
      ))}
      {pseudo &&
        pseudoLanguages.map((code) => (
          <option key={code} value={code}>
            {code}
          </option>
        ))}
    </>
  );
}
