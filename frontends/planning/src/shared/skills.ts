import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../i18n/register';

/** Skill codes (FLUIDES_CAT1) as the planner reads them; an unknown code shows as itself. */
export function useSkillNames() {
  const { t } = useTranslation(planningNamespace);
  return (codes: readonly string[]) => codes.map((code) => t(`skill.${code}`, { defaultValue: code }));
}
