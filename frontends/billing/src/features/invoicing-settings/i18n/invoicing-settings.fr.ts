/** « Paramètres de facturation »: mounted under `invoicingSettings` in the billing namespace. */
export const invoicingSettingsFr = {
  title: 'Paramètres de facturation',
  subtitle: 'Comment l’entreprise facture en lot et ce que disent ses e-mails de facture. Réservé aux administrateurs.',
  section: {
    grouping: 'Facturation en lot',
    mail: 'E-mails de facture',
    addresses: 'Adresses',
    portal: 'Espace client',
  },
  portalPrimaryColor: {
    label: 'Couleur de l’espace client',
    hint: 'Boutons, liens et onglets du portail où vos clients voient leurs équipements, devis et factures ({{url}}). Le logo est celui de vos documents.',
    invalid: 'Couleur attendue au format #rrggbb, par exemple #1c7ed6',
  },
  grouping: {
    label: 'Regroupement des brouillons',
    hint: 'Ce que « À facturer » propose par défaut quand plusieurs interventions sont facturées d’un coup.',
    CUSTOMER: {
      label: 'Une facture par client',
      description: 'Toutes les interventions d’un client sur une seule facture.',
    },
    SITE: {
      label: 'Une facture par site',
      description: 'Une facture pour chaque site d’intervention d’un client (une adresse, un bâtiment).',
    },
    CONTRACT: {
      label: 'Une facture par contrat',
      description: 'Une facture par contrat d’entretien ; les interventions hors contrat sont regroupées par client.',
    },
  },
  billingEmail: {
    label: 'Adresse de réponse (facturation)',
    hint: 'Les réponses des clients aux factures, devis et relances arrivent à cette adresse. Vide : pas d’adresse de réponse.',
    invalid: 'Adresse e-mail invalide, par exemple facturation@entreprise.fr',
  },
  publicUrl: {
    label: 'Adresse publique',
    hint: 'Début des liens envoyés aux clients (acceptation d’un devis). Vide : l’adresse du serveur Relais.',
    invalid: 'Adresse complète attendue, commençant par https:// ou http://, par exemple https://relais.entreprise.fr',
  },
  subject: {
    label: 'Objet de l’e-mail',
    hint: 'Objet des e-mails de facture et d’acompte (les avoirs gardent leur texte). Vide : l’objet par défaut.',
  },
  body: {
    label: 'Texte de l’e-mail',
    hint: 'Texte envoyé avec le PDF de la facture ; il reste modifiable à chaque envoi. Vide : le texte par défaut.',
  },
  customTemplate: 'Modèle personnalisé',
  defaultTemplate: 'Modèle par défaut',
  resetTemplate: 'Revenir au modèle par défaut',
  placeholders: {
    title: 'Repères disponibles',
    hint: 'Écrits entre doubles accolades, ils sont remplacés à l’envoi par les valeurs de la facture.',
    client: 'nom du client',
    numero: 'numéro de la facture',
    montant: 'montant TTC à payer',
    echeance: 'date d’échéance',
    date: 'date de la facture',
    document: 'type de document (Facture, Facture d’acompte)',
    societe: 'raison sociale de l’entreprise',
    reglement: 'phrase de règlement (virement avec l’IBAN, ou prélèvement) ; la ligne disparaît s’il n’y en a pas',
  },
  preview: {
    title: 'Aperçu',
    hint: 'Pour une facture d’exemple de 1 234,56 € TTC au client « {{client}} ».',
    subject: 'Objet :',
    unknown: 'Repères inconnus, refusés à l’enregistrement : {{names}}',
  },
  save: 'Enregistrer',
  saved: 'Paramètres enregistrés.',
};
