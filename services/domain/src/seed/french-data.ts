import { luhnValid } from '../maintenance/customer.rules';

/** A small deterministic PRNG (mulberry32) so demo data is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Exactly one check digit in 0..9 completes a Luhn-valid number. */
function withLuhnDigit(prefix: string): string {
  const digit = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((d) => luhnValid(prefix + d))!;
  return prefix + digit;
}

export function randomSiren(random: () => number): string {
  const body = String(Math.floor(random() * 90_000_000) + 10_000_000);
  return withLuhnDigit(body);
}

export function siretFor(siren: string, establishment: number): string {
  return withLuhnDigit(siren + String(establishment).padStart(4, '0'));
}

export const CITIES = [
  { city: 'Nantes', postalCode: '44000' },
  { city: 'Saint-Herblain', postalCode: '44800' },
  { city: 'Rezé', postalCode: '44400' },
  { city: 'Saint-Nazaire', postalCode: '44600' },
  { city: 'Rennes', postalCode: '35000' },
  { city: 'Angers', postalCode: '49000' },
  { city: 'La Roche-sur-Yon', postalCode: '85000' },
  { city: 'Vannes', postalCode: '56000' },
  { city: 'Cholet', postalCode: '49300' },
  { city: 'Laval', postalCode: '53000' },
  { city: 'Le Mans', postalCode: '72000' },
  { city: 'Lorient', postalCode: '56100' },
] as const;

export const STREETS = [
  'rue de la Paix',
  'boulevard des Anglais',
  'avenue de la Libération',
  'rue du Général Leclerc',
  'quai de la Fosse',
  'rue Jean Jaurès',
  'allée des Tilleuls',
  'rue de Strasbourg',
  'impasse des Mimosas',
  'route de Vannes',
  'rue Pasteur',
  'chemin du Moulin',
] as const;

const KINDS = [
  'Clinique',
  'Résidence',
  'Hôtel',
  'Boulangerie',
  'Supermarché',
  'Lycée',
  'Cabinet',
  'Restaurant',
  'Laboratoire',
  'Garage',
  'Pharmacie',
  'Crèche',
  'Imprimerie',
  'Mairie de',
] as const;
const NAMES = [
  'Les Tilleuls',
  'du Centre',
  'Atlantique',
  'Saint-Louis',
  'Bellevue',
  'des Dunes',
  'Le Cormoran',
  'Jules Verne',
  'de l’Erdre',
  'Val de Loire',
  'Océane',
  'Les Glycines',
  'Beaulieu',
  'du Port',
] as const;
const LEGAL_FORMS = ['SAS', 'SARL', 'SA', 'EURL', 'SCI'] as const;
export const FIRST_NAMES = [
  'Camille',
  'Nicolas',
  'Sophie',
  'Julien',
  'Claire',
  'Thomas',
  'Isabelle',
  'Mathieu',
  'Nathalie',
  'Antoine',
  'Élodie',
  'Pierre',
  'Sandrine',
  'Hugo',
  'Aurélie',
  'Yann',
] as const;
export const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Le Gall',
  'Moreau',
  'Guérin',
  'Lefebvre',
  'Le Roux',
  'Girard',
  'Morvan',
  'Fontaine',
  'Chevalier',
  'Rousseau',
  'Tanguy',
  'Gauthier',
  'Perrin',
  'Kerbrat',
] as const;

export function companyName(random: () => number): string {
  return `${pick(random, KINDS)} ${pick(random, NAMES)} ${pick(random, LEGAL_FORMS)}`;
}

export function streetAddress(random: () => number): string {
  return `${Math.floor(random() * 120) + 1} ${pick(random, STREETS)}`;
}

export function personName(random: () => number): string {
  return `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
}
