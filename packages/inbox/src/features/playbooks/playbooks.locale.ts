// The playbook screens' strings, one file per language (each a few hundred lines).
export { playbooksEn } from './playbooks.locale.en';
export { playbooksEs } from './playbooks.locale.es';
