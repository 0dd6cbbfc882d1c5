export const shellFr = {
  brand: 'Relais',
  navigation: {
    label: 'Applications',
    planning: 'Planning',
    billing: 'Facturation',
    finance: 'Finance',
  },
  remote: {
    unavailable: "L'application {{app}} n'a pas pu être chargée.",
    reload: 'Recharger la page',
  },
};
