/**
 * How to find a party the user must name, in plain words and without the network. Every statement comes from
 * ../shared/reference/legal-facts-fr.md (the section is given); nothing that sheet marks unconfirmed is said.
 */
import type { OtherParty } from '../../app/field-routes.js';

export const PARTY_HELP: Record<OtherParty, readonly string[]> = {
  // §2.3 (L612-1, L612-2, L616-1 / R616-1, the official list); Amazon's consumer mediator is unconfirmed, so not named.
  mediator: [
    'Le professionnel doit vous donner les coordonnées de son médiateur de la consommation : sur son site, dans ses conditions générales de vente et sur les bons de commande, puis de nouveau dans sa réponse à votre réclamation écrite (art. L616-1). Cherchez la rubrique « médiation ».',
    'La liste officielle des médiateurs agréés est publiée sur economie.gouv.fr/mediation-conso. Le médiateur est gratuit pour vous (art. L612-1) ; il faut d’abord une réclamation écrite au professionnel, et le saisir dans l’année qui suit (art. L612-2).',
  ],
  // §8.3 (CMF L316-1).
  bankMediator: [
    'Chaque banque doit désigner un médiateur, gratuit pour vous (art. L316-1 du code monétaire et financier) : demandez ses coordonnées à votre banque. Saisissez-le après son refus.',
  ],
  // §1.7 / §7.5 (CMF L133-24).
  bank: ['La banque qui tient le compte débité (son adresse figure sur vos relevés). Vous avez 13 mois après le débit pour contester une opération que vous n’avez pas autorisée (art. L133-24 du code monétaire et financier).'],
  // §2.7 (conciliation free, 3 months renewable once; the prior attempt for claims up to 5 000 €, with its
  // exemptions, stated « en principe » as §7.6 leaves its wording after décret 2025-660 open), §5 (Cerfa 15728*02).
  // The sheet gives no directory of conciliators, so none is named.
  conciliator: [
    'Le conciliateur de justice est gratuit ; la conciliation dure au plus trois mois, renouvelables une fois. Pour une demande de 5 000 € au plus, une tentative préalable de conciliation, de médiation ou de procédure participative est en principe exigée avant de saisir le tribunal, sauf exceptions (par exemple si aucun conciliateur n’est disponible dans les trois mois).',
    'La demande peut être faite avec le formulaire Cerfa 15728*02 (« Demande aux fins de tentative de conciliation »).',
  ],
  // §2.8 (requête, tribunal de proximité up to 10 000 €, R631-3).
  court: [
    'Une demande de 5 000 € au plus se fait par requête, gratuitement, au greffe du tribunal judiciaire ou du tribunal de proximité (formulaire Cerfa 16042*02). Le tribunal de proximité juge les demandes jusqu’à 10 000 € ; au-delà, un avocat est obligatoire.',
    'Vous pouvez saisir le tribunal du lieu où vous habitiez quand vous avez passé la commande ou quand le dommage est survenu (art. R631-3 du code de la consommation).',
  ],
  // §2.5 and §8.3 item 7.
  authority: ['La DDPP est le service local de la DGCCRF, dans votre département : on peut lui signaler les pratiques d’un professionnel qui touchent de nombreux consommateurs. Un signalement ne règle pas votre litige à votre place.'],
};
