#!/usr/bin/env python3
"""Writes the held-out model's Turtle files from the hand-written tables below.

The held-out model is Wallonia, Brussels and the federal services they rely on, written as their
public CPSV-AP 3.2 catalogues state them (French first, Dutch where the authority is bilingual),
one catalogue file per authority under ``catalogue/``, and the eagraph enrichment an architect
adds on top (service types, granting modes, case counts, requirements and their information
concepts, evidence and outputs linked to authentic sources and evidence types, agreements,
applications, concept definitions) in separate files under ``enrichment/``.

Nothing here comes from ``bench/synthetic.py``: the services, titles and descriptions are written
by hand; only the municipal catalogues, in which every municipality lists the same counter
services for its own territory, are expanded from one table with the wording varied per
municipality (as real municipal websites word them differently).

The expected findings are in ``labels.json``, written by hand from the tables, not from a run.

    python tests/data/heldout/write_model.py          # rewrites catalogue/ and enrichment/
    python tests/data/heldout/write_model.py DIR      # writes them under DIR instead
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
BASE = "https://w3id.org/eagraph/heldout/"
NUTS = "http://data.europa.eu/nuts/code/"

PREFIXES = f"""@prefix authority: <{BASE}authority/> .
@prefix service: <{BASE}service/> .
@prefix evidence: <{BASE}evidence/> .
@prefix output: <{BASE}output/> .
@prefix channel: <{BASE}channel/> .
@prefix event: <{BASE}event/> .
@prefix territory: <{BASE}territory/> .
@prefix legal: <{BASE}legal/> .
@prefix requirement: <{BASE}requirement/> .
@prefix concept: <{BASE}concept/> .
@prefix source: <{BASE}source/> .
@prefix agreement: <{BASE}agreement/> .
@prefix evidencetype: <{BASE}evidence-type/> .
@prefix application: <{BASE}application/> .
@prefix capability: <{BASE}capability/> .
@prefix nuts: <{NUTS}> .
@prefix authsrc: <http://vocab.belgif.be/ns/authsrc#> .
@prefix cpsv: <http://purl.org/vocab/cpsv#> .
@prefix cv: <http://data.europa.eu/m8g/> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix eag: <https://w3id.org/eagraph/ns#> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

"""


def lit(text: str, lang: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + f'"@{lang}'


def texts(predicate: str, values: dict[str, str]) -> str:
    return f"    {predicate} " + " ,\n        ".join(lit(v, k) for k, v in values.items() if v)


def block(subject: str, types: str, lines: list[str]) -> str:
    body = " ;\n".join([f"{subject} a {types}"] + [line for line in lines if line])
    return body + " .\n"


def objects(predicate: str, values) -> str:
    values = [v for v in values if v]
    return f"    {predicate} " + " , ".join(values) if values else ""


# ------------------------------------------------------------------------------------------------
# Territories and authorities
# ------------------------------------------------------------------------------------------------

REGIONS = {"BE": ("Belgique", "België"), "BE1": ("Région de Bruxelles-Capitale", "Brussels Hoofdstedelijk Gewest"),
           "BE3": ("Région wallonne", "Waals Gewest")}

#: Municipalities: slug -> (French name, Dutch name or "", region, enterprise number)
MUNICIPALITIES = {
    "namur": ("Ville de Namur", "", "BE3", "0216689981"),
    "liege": ("Ville de Liège", "", "BE3", "0207337506"),
    "charleroi": ("Ville de Charleroi", "", "BE3", "0207343044"),
    "mons": ("Ville de Mons", "", "BE3", "0207528637"),
    "tournai": ("Ville de Tournai", "", "BE3", "0207470328"),
    "arlon": ("Ville d'Arlon", "", "BE3", "0207353335"),
    "wavre": ("Ville de Wavre", "", "BE3", "0216689486"),
    "verviers": ("Ville de Verviers", "", "BE3", "0207338297"),
    "la-louviere": ("Ville de La Louvière", "", "BE3", "0216689189"),
    "nivelles": ("Ville de Nivelles", "", "BE3", "0207336615"),
    "ixelles": ("Commune d'Ixelles", "Gemeente Elsene", "BE1", "0207373422"),
    "schaerbeek": ("Commune de Schaerbeek", "Gemeente Schaarbeek", "BE1", "0207373719"),
    "anderlecht": ("Commune d'Anderlecht", "Gemeente Anderlecht", "BE1", "0207360058"),
    "uccle": ("Commune d'Uccle", "Gemeente Ukkel", "BE1", "0207373026"),
    "etterbeek": ("Commune d'Etterbeek", "Gemeente Etterbeek", "BE1", "0207373323"),
    "forest": ("Commune de Forest", "Gemeente Vorst", "BE1", "0207373917"),
    "saint-gilles": ("Commune de Saint-Gilles", "Gemeente Sint-Gillis", "BE1", "0207374016"),
    "woluwe-saint-lambert": ("Commune de Woluwe-Saint-Lambert", "Gemeente Sint-Lambrechts-Woluwe", "BE1",
                             "0207373818"),
}

#: Other authorities: slug -> (French, Dutch, level, parent or "", territory, file)
AUTHORITIES = {
    "spf-interieur": ("SPF Intérieur", "FOD Binnenlandse Zaken", "Federal", "", "BE", "federal"),
    "spf-mobilite": ("SPF Mobilité et Transports", "FOD Mobiliteit en Vervoer", "Federal", "", "BE", "federal"),
    "spf-finances": ("SPF Finances", "FOD Financiën", "Federal", "", "BE", "federal"),
    "spf-economie": ("SPF Économie", "FOD Economie", "Federal", "", "BE", "federal"),
    "spf-securite-sociale": ("SPF Sécurité sociale", "FOD Sociale Zekerheid", "Federal", "", "BE", "federal"),
    "dg-personnes-handicapees": ("DG Personnes handicapées", "DG Personen met een handicap", "Federal",
                                 "spf-securite-sociale", "BE", "federal"),
    "spp-integration-sociale": ("SPP Intégration sociale", "POD Maatschappelijke Integratie", "Federal", "", "BE",
                                "federal"),
    "service-pensions": ("Service fédéral des Pensions", "Federale Pensioendienst", "Federal", "", "BE", "federal"),
    "spw": ("Service public de Wallonie", "Waalse Overheidsdienst", "Regional", "", "BE3", "wallonie"),
    "spw-logement": ("SPW Territoire, Logement, Patrimoine, Énergie", "", "Regional", "spw", "BE3", "wallonie"),
    "spw-economie": ("SPW Économie, Emploi, Recherche", "", "Regional", "spw", "BE3", "wallonie"),
    "famiwal": ("FAMIWAL", "FAMIWAL", "Regional", "", "BE3", "wallonie"),
    "aviq": ("AVIQ – Agence pour une Vie de Qualité", "AVIQ", "Regional", "", "BE3", "wallonie"),
    "forem": ("Le Forem", "Le Forem", "Regional", "", "BE3", "wallonie"),
    "swl": ("Société wallonne du Logement", "", "Regional", "", "BE3", "wallonie"),
    "famiris": ("Famiris", "Famiris", "Regional", "", "BE1", "bruxelles"),
    "iriscare": ("Iriscare", "Iriscare", "Regional", "", "BE1", "bruxelles"),
    "actiris": ("Actiris", "Actiris", "Regional", "", "BE1", "bruxelles"),
    "bruxelles-environnement": ("Bruxelles Environnement", "Leefmilieu Brussel", "Regional", "", "BE1", "bruxelles"),
    "urban-brussels": ("urban.brussels", "urban.brussels", "Regional", "", "BE1", "bruxelles"),
    "cpas-liege": ("CPAS de Liège", "", "Local", "", "liege", "cpas"),
    "cpas-charleroi": ("CPAS de Charleroi", "", "Local", "", "charleroi", "cpas"),
    "cpas-ixelles": ("CPAS d'Ixelles", "OCMW Elsene", "Local", "", "ixelles", "cpas"),
    "cpas-schaerbeek": ("CPAS de Schaerbeek", "OCMW Schaarbeek", "Local", "", "schaerbeek", "cpas"),
}


def territory(code: str) -> str:
    return f"nuts:{code}" if code in REGIONS else f"territory:{code}"


# ------------------------------------------------------------------------------------------------
# Regulations
# ------------------------------------------------------------------------------------------------

#: slug -> (French title, Dutch title or "")
REGULATIONS = {
    "loi-registres-1991": ("Loi du 19 juillet 1991 relative aux registres de la population, aux cartes d'identité, "
                           "aux cartes des étrangers et aux documents de séjour",
                           "Wet van 19 juli 1991 betreffende de bevolkingsregisters, de identiteitskaarten, de "
                           "vreemdelingenkaarten en de verblijfsdocumenten"),
    "code-civil-etat-civil": ("Code civil, livre 1er, titre 2 : des actes de l'état civil",
                              "Burgerlijk Wetboek, boek 1, titel 2: akten van de burgerlijke stand"),
    "codt": ("Code du Développement Territorial (CoDT)", ""),
    "cobat": ("Code bruxellois de l'Aménagement du Territoire (CoBAT)",
              "Brussels Wetboek van Ruimtelijke Ordening (BWRO)"),
    "am-carte-stationnement-1999": ("Arrêté ministériel du 7 mai 1999 relatif à la carte de stationnement pour "
                                    "personnes handicapées",
                                    "Ministerieel besluit van 7 mei 1999 betreffende de parkeerkaart voor personen "
                                    "met een handicap"),
    "code-route-art27": ("Arrêté royal du 1er décembre 1975 portant règlement général sur la police de la "
                         "circulation routière, article 27",
                         "Koninklijk besluit van 1 december 1975 houdende algemeen reglement op de politie van het "
                         "wegverkeer, artikel 27"),
    "loi-handicap-1987": ("Loi du 27 février 1987 relative aux allocations aux personnes handicapées",
                          "Wet van 27 februari 1987 betreffende de tegemoetkomingen aan personen met een handicap"),
    "loi-integration-sociale-2002": ("Loi du 26 mai 2002 concernant le droit à l'intégration sociale",
                                     "Wet van 26 mei 2002 betreffende het recht op maatschappelijke integratie"),
    "loi-programme-2008-chauffage": ("Loi-programme du 22 décembre 2008, Fonds social chauffage",
                                     "Programmawet van 22 december 2008, Sociaal Verwarmingsfonds"),
    "ar-pension-1967": ("Arrêté royal n° 50 du 24 octobre 1967 relatif à la pension de retraite et de survie des "
                        "travailleurs salariés",
                        "Koninklijk besluit nr. 50 van 24 oktober 1967 betreffende het rust- en overlevingspensioen "
                        "voor werknemers"),
    "loi-programme-2007-tarif-social": ("Loi-programme du 27 avril 2007, tarif social pour l'électricité et le gaz",
                                        "Programmawet van 27 april 2007, sociaal tarief voor elektriciteit en gas"),
    "ar-immatriculation-2001": ("Arrêté royal du 20 juillet 2001 relatif à l'immatriculation de véhicules",
                                "Koninklijk besluit van 20 juli 2001 betreffende de inschrijving van voertuigen"),
    "cir92": ("Code des impôts sur les revenus 1992", "Wetboek van de inkomstenbelastingen 1992"),
    "code-wallon-habitation": ("Code wallon de l'Habitation durable", ""),
    "agw-primes-habitation-2019": ("Arrêté du Gouvernement wallon du 30 août 2018 relatif aux primes Habitation", ""),
    "code-bruxellois-logement": ("Code bruxellois du Logement", "Brusselse Huisvestingscode"),
    "agrbc-renolution-2022": ("Arrêté du Gouvernement de la Région de Bruxelles-Capitale du 9 février 2022 relatif "
                              "à l'octroi de primes RENOLUTION",
                              "Besluit van de Brusselse Hoofdstedelijke Regering van 9 februari 2022 betreffende de "
                              "toekenning van RENOLUTION-premies"),
    "agrbc-primes-renovation-2016": ("Arrêté du Gouvernement de la Région de Bruxelles-Capitale du 21 avril 2016 "
                                     "relatif à l'octroi de primes à la rénovation de l'habitat",
                                     "Besluit van de Brusselse Hoofdstedelijke Regering van 21 april 2016 betreffende "
                                     "de toekenning van premies voor de renovatie van het woonmilieu"),
    "decret-allocations-familiales-2018": ("Décret du 8 février 2018 relatif à la gestion et au paiement des "
                                           "prestations familiales", ""),
    "ordonnance-prestations-familiales-2019": ("Ordonnance du 25 avril 2019 réglant l'octroi des prestations "
                                               "familiales",
                                               "Ordonnantie van 25 april 2019 tot regeling van de toekenning van "
                                               "gezinsbijslagen"),
    "code-wallon-action-sociale": ("Code wallon de l'Action sociale et de la Santé", ""),
    "ordonnance-apa-2021": ("Ordonnance du 21 décembre 2018 relative à l'allocation pour l'aide aux personnes âgées",
                            "Ordonnantie van 21 december 2018 betreffende de tegemoetkoming voor hulp aan bejaarden"),
    "decret-forem-1999": ("Décret du 6 mai 1999 relatif à l'Office wallon de la Formation professionnelle et de "
                          "l'Emploi", ""),
    "ordonnance-actiris-2001": ("Ordonnance du 18 janvier 2001 portant organisation et fonctionnement de l'Office "
                                "régional bruxellois de l'Emploi",
                                "Ordonnantie van 18 januari 2001 houdende organisatie en werking van de Brusselse "
                                "Gewestelijke Dienst voor Arbeidsbemiddeling"),
    "ar-chomage-1991": ("Arrêté royal du 25 novembre 1991 portant réglementation du chômage",
                        "Koninklijk besluit van 25 november 1991 houdende de werkloosheidsreglementering"),
    # Regulations nothing in the model refers to (see labels.json, orphan-regulation).
    "arew-primes-1985": ("Arrêté de l'Exécutif régional wallon du 20 décembre 1985 relatif aux primes à la "
                         "réhabilitation", ""),
    "ordonnance-stationnement-1993": ("Ordonnance du 22 janvier 1993 relative à la politique du stationnement",
                                      "Ordonnantie van 22 januari 1993 betreffende het parkeerbeleid"),
    "ar-carte-identite-1985": ("Arrêté royal du 29 juillet 1985 relatif aux cartes d'identité",
                               "Koninklijk besluit van 29 juli 1985 betreffende de identiteitskaarten"),
    "agw-bonus-logement-2016": ("Arrêté du Gouvernement wallon du 15 décembre 2016 relatif au chèque habitat", ""),
    # Referred to only by another regulation (eli:changes) or by a concept (eag:definedIn): not orphans.
    "agrbc-renolution-modif-2023": ("Arrêté du Gouvernement de la Région de Bruxelles-Capitale du 13 juillet 2023 "
                                    "modifiant l'arrêté RENOLUTION",
                                    "Besluit van 13 juli 2023 tot wijziging van het RENOLUTION-besluit"),
    "decret-logement-inoccupe-2012": ("Décret du 9 février 2012 relatif aux logements inoccupés", ""),
}
#: regulation -> regulations it changes (eli:changes)
CHANGES = {"agrbc-renolution-modif-2023": ["agrbc-renolution-2022"], "agrbc-renolution-2022": []}

# Per municipality, its parking regulation (referred to by its residents' parking card).
for _slug, (_fr, _nl, _region, _kbo) in MUNICIPALITIES.items():
    REGULATIONS[f"reglement-stationnement-{_slug}"] = (
        f"Règlement-redevance sur le stationnement – {_fr}",
        f"Retributiereglement op het parkeren – {_nl}" if _nl else "")

# ------------------------------------------------------------------------------------------------
# Enrichment tables: evidence types, sources, agreements, information concepts, requirements
# ------------------------------------------------------------------------------------------------

EVIDENCE_TYPES = {
    "certificat-immatriculation": ("Certificat d'immatriculation", "Inschrijvingsbewijs"),
    "carte-stationnement-pmr": ("Carte de stationnement pour personnes handicapées",
                                "Parkeerkaart voor personen met een handicap"),
    "composition-menage": ("Certificat de composition de ménage", "Attest van gezinssamenstelling"),
    "acte-naissance": ("Extrait d'acte de naissance", "Uittreksel uit de geboorteakte"),
    "acte-deces": ("Extrait d'acte de décès", "Uittreksel uit de overlijdensakte"),
    "avertissement-extrait-role": ("Avertissement-extrait de rôle", "Aanslagbiljet"),
    "attestation-handicap": ("Attestation de reconnaissance du handicap", "Attest van erkenning van de handicap"),
}

COMMUNES = list(MUNICIPALITIES)
CPAS = ["cpas-liege", "cpas-charleroi", "cpas-ixelles", "cpas-schaerbeek"]

#: source -> (French, Dutch, publisher, authoritative, {agreement: consumers})
SOURCES = {
    "registre-national": ("Registre national des personnes physiques", "Rijksregister van de natuurlijke personen",
                          "spf-interieur", True, {
                              "rn-communes": COMMUNES + CPAS,
                              "rn-federal": ["spf-mobilite", "spf-finances", "spf-economie", "dg-personnes-handicapees",
                                             "spp-integration-sociale", "service-pensions"],
                              "rn-wallonie": ["spw", "famiwal", "aviq", "forem", "swl"],
                              # Famiris has no agreement of its own in this model (missing-agreement).
                              "rn-bruxelles": ["iriscare", "actiris", "bruxelles-environnement", "urban-brussels"]}),
    "div": ("Banque-Carrefour des véhicules (DIV)", "Kruispuntbank van de voertuigen (DIV)", "spf-mobilite", True,
            {"div-communes": COMMUNES}),
    "handiservice": ("Handiservice (reconnaissances du handicap)", "Handiservice (erkenningen van de handicap)",
                     "dg-personnes-handicapees", True,
                     {"handiservice-partenaires": COMMUNES + CPAS + ["aviq", "iriscare", "spf-economie"]}),
    "calcul-impot": ("Calcul de l'impôt des personnes physiques", "Berekening van de personenbelasting",
                     "spf-finances", True,
                     {"revenus-secteur-social": ["spp-integration-sociale", "dg-personnes-handicapees",
                                                 "service-pensions", "spf-economie", "spw", "famiwal", "swl"] + CPAS}),
    "documentation-patrimoniale": ("Documentation patrimoniale (cadastre)", "Patrimoniumdocumentatie (kadaster)",
                                   "spf-finances", True, {"cadastre-wallonie": ["spw"]}),
    "carriere-pension": ("Carrière des pensions (Capelo)", "Loopbaan voor de pensioenen (Capelo)",
                         "service-pensions", True, {}),
    # The Forem's case files are not an authentic source: what they hold is not "available".
    "dossiers-forem": ("Dossiers des demandeurs d'emploi du Forem", "", "forem", False, {}),
}

#: concept -> (French, Dutch, sources, definition (fr, nl) or None, defining regulation or "")
CONCEPTS = {
    "residence-principale": ("Résidence principale", "Hoofdverblijfplaats", ["registre-national"], None, ""),
    "composition-menage": ("Composition du ménage", "Gezinssamenstelling", ["registre-national"], None, ""),
    "naissance": ("Naissance de l'enfant", "Geboorte van het kind", ["registre-national"], None, ""),
    "deces": ("Décès", "Overlijden", ["registre-national"], None, ""),
    "date-naissance": ("Date de naissance", "Geboortedatum", ["registre-national"], None, ""),
    "inscription-registre": ("Inscription au registre de la population", "Inschrijving in het bevolkingsregister",
                             ["registre-national"], None, ""),
    "adresse-declaree": ("Nouvelle adresse déclarée", "Aangegeven nieuw adres", [], None, ""),
    "immatriculation": ("Immatriculation du véhicule", "Inschrijving van het voertuig", ["div"], None, ""),
    "reconnaissance-handicap": ("Reconnaissance du handicap", "Erkenning van de handicap", ["handiservice"], None, ""),
    "capacite-gain": ("Réduction de la capacité de gain", "Vermindering van het verdienvermogen", ["handiservice"],
                      None, ""),
    "autonomie": ("Degré d'autonomie", "Graad van zelfredzaamheid", ["handiservice"], None, ""),
    "revenus-imposables": ("Revenus imposables du ménage", "Belastbaar inkomen van het gezin", ["calcul-impot"],
                           None, ""),
    "droit-reel": ("Droit réel sur le logement", "Zakelijk recht op de woning", ["documentation-patrimoniale"],
                   None, ""),
    "age-logement": ("Âge du logement", "Ouderdom van de woning", [], None, ""),
    "type-chauffage": ("Type de chauffage", "Soort verwarming", [], None, ""),
    "disposition-travail": ("Disposition au travail", "Werkbereidheid", [], None, ""),
    "carriere": ("Carrière professionnelle", "Beroepsloopbaan", ["carriere-pension"], None, ""),
    "inscription-demandeur-emploi": ("Inscription comme demandeur d'emploi", "", ["dossiers-forem"], None, ""),
    "projet-urbanisme": ("Projet soumis à permis d'urbanisme", "Vergunningsplichtig project", [], None, ""),
    # Notions defined in regulations (concept-harmonisation; see labels.json).
    "menage-wallon": ("Ménage", "", [], (
        "Soit la personne seule, soit deux ou plusieurs personnes qui, unies ou non par des liens de parenté, vivent "
        "habituellement ensemble dans un même logement.", ""), "code-wallon-habitation"),
    "menage-bruxellois": ("Ménage", "Huishouden", [], (
        "La personne seule ou les personnes, unies ou non par des liens familiaux, qui vivent habituellement sous le "
        "même toit et règlent principalement en commun leurs questions ménagères.",
        "De alleenstaande of de personen die, al dan niet door familiebanden verbonden, gewoonlijk onder hetzelfde "
        "dak wonen en hun huishoudelijke aangelegenheden hoofdzakelijk gemeenschappelijk regelen."),
        "code-bruxellois-logement"),
    "revenus-menage-primes": ("Revenus du ménage", "", ["calcul-impot"], (
        "Les revenus imposables globalement du demandeur et des membres de son ménage afférents à l'avant-dernière "
        "année précédant la demande.", ""), "agw-primes-habitation-2019"),
    "revenus-menage-renolution": ("Revenus du ménage", "Inkomen van het huishouden", ["calcul-impot"], (
        "Le total des revenus nets imposables du demandeur et de son cohabitant, tels qu'ils figurent sur le "
        "dernier avertissement-extrait de rôle disponible.",
        "Het totaal van de netto belastbare inkomens van de aanvrager en zijn samenwonende partner, zoals vermeld op "
        "het laatst beschikbare aanslagbiljet."), "agrbc-renolution-2022"),
    "personne-handicapee-federal": ("Personne handicapée", "Persoon met een handicap", [], (
        "Personne dont la capacité de gain est réduite à un tiers ou moins, ou dont le manque d'autonomie est établi, "
        "en raison de son état physique ou psychique.",
        "Persoon van wie het verdienvermogen wegens zijn lichamelijke of psychische toestand tot een derde of minder "
        "is verminderd of van wie het gebrek aan zelfredzaamheid is vastgesteld."), "loi-handicap-1987"),
    "personne-handicapee-aviq": ("Personne en situation de handicap", "", [], (
        "Toute personne mineure ou majeure présentant une altération substantielle, durable ou définitive de ses "
        "fonctions physiques, mentales ou sensorielles qui limite sa participation à la vie sociale.", ""),
        "code-wallon-action-sociale"),
    "personne-handicapee-apa": ("Personne handicapée", "Persoon met een handicap", [], (
        "Personne âgée d'au moins soixante-cinq ans dont le manque d'autonomie ou l'autonomie réduite est établi.",
        "Persoon van ten minste vijfenzestig jaar van wie het gebrek aan of de vermindering van zelfredzaamheid is "
        "vastgesteld."), "ordonnance-apa-2021"),
    "demandeur-emploi-forem": ("Demandeur d'emploi inoccupé", "", [], (
        "Personne inscrite au Forem comme demandeuse d'emploi qui n'exerce aucune activité professionnelle et qui "
        "n'est pas soumise à l'obligation scolaire.", ""), "decret-forem-1999"),
    "demandeur-emploi-actiris": ("Chercheur d'emploi inoccupé", "Niet-werkende werkzoekende", [], (
        "Personne qui est inscrite auprès d'Actiris, qui ne travaille pas et qui est disponible pour le marché de "
        "l'emploi.",
        "Persoon die bij Actiris is ingeschreven, niet werkt en beschikbaar is voor de arbeidsmarkt."),
        "ordonnance-actiris-2001"),
    "chomeur-complet": ("Chômeur complet indemnisé", "Volledig uitkeringsgerechtigde werkloze", [], (
        "Travailleur privé de travail et de rémunération qui bénéficie d'allocations de chômage pour tous les jours "
        "de la semaine.",
        "Werknemer zonder arbeid en zonder loon die voor alle dagen van de week werkloosheidsuitkeringen ontvangt."),
        "ar-chomage-1991"),
    "enfant-beneficiaire-wallon": ("Enfant bénéficiaire", "", [], (
        "L'enfant qui ouvre le droit aux prestations familiales, domicilié en région de langue française.", ""),
        "decret-allocations-familiales-2018"),
    "enfant-beneficiaire-bruxellois": ("Enfant bénéficiaire", "Rechtgevend kind", [], (
        "L'enfant pour lequel les prestations familiales sont octroyées et qui est domicilié dans la Région de "
        "Bruxelles-Capitale.",
        "Het kind voor wie de gezinsbijslagen worden toegekend en dat zijn woonplaats heeft in het Brussels "
        "Hoofdstedelijk Gewest."), "ordonnance-prestations-familiales-2019"),
    "enfant-a-charge": ("Enfant à charge", "Kind ten laste", [], (
        "Enfant qui fait partie du ménage du contribuable au 1er janvier de l'exercice d'imposition et dont les "
        "ressources nettes ne dépassent pas un montant fixé.",
        "Kind dat op 1 januari van het aanslagjaar deel uitmaakt van het gezin van de belastingplichtige en van wie "
        "de nettobestaansmiddelen een bepaald bedrag niet overschrijden."), "cir92"),
    "revenu-integration": ("Revenu d'intégration", "Leefloon", [], (
        "Revenu minimum accordé par le CPAS à la personne qui ne dispose pas de ressources suffisantes.",
        "Minimuminkomen dat het OCMW toekent aan wie niet over voldoende bestaansmiddelen beschikt."),
        "loi-integration-sociale-2002"),
    "revenu-cadastral": ("Revenu cadastral", "Kadastraal inkomen", [], (
        "Revenu normal net moyen d'une année d'un bien immobilier, fixé par l'administration.",
        "Gemiddeld normaal netto-inkomen van één jaar van een onroerend goed, vastgesteld door de administratie."),
        "cir92"),
    "logement-wallon": ("Logement", "", [], (
        "Bâtiment ou partie de bâtiment structurellement destiné à l'habitation d'un ou de plusieurs ménages.", ""),
        "code-wallon-habitation"),
    "logement-bruxellois": ("Logement", "Woning", [], (
        "L'immeuble ou la partie d'immeuble utilisé ou affecté à l'habitation d'un ou de plusieurs ménages.",
        "Het gebouw of het deel van een gebouw dat gebruikt wordt of bestemd is als woonplaats van een of meer "
        "huishoudens."), "code-bruxellois-logement"),
    "logement-inoccupe": ("Logement inoccupé", "", [], (
        "Logement déclaré inhabitable ou dont la consommation d'eau ou d'électricité est restée inférieure au "
        "minimum fixé pendant douze mois consécutifs.", ""), "decret-logement-inoccupe-2012"),
    "famille-accueil": ("Famille d'accueil", "Pleeggezin", [], (
        "Personne ou couple à qui un enfant est confié par une décision d'un juge ou d'un service de l'aide à la "
        "jeunesse.",
        "Persoon of koppel aan wie een kind wordt toevertrouwd door een beslissing van een rechter of van een dienst "
        "voor jeugdhulp."), "ordonnance-prestations-familiales-2019"),
    "famille-monoparentale": ("Famille monoparentale", "", [], (
        "L'allocataire qui ne forme pas un ménage de fait avec un conjoint ou un cohabitant.", ""),
        "decret-allocations-familiales-2018"),
}

#: requirement -> (French, Dutch, concepts)
REQUIREMENTS = {
    "inscrit-registre": ("Être inscrit au registre de la population de la commune",
                         "Ingeschreven zijn in het bevolkingsregister van de gemeente",
                         ["inscription-registre", "residence-principale"]),
    "enfant-moins-12": ("Enfant belge de moins de 12 ans inscrit dans la commune",
                        "Belgisch kind jonger dan 12 jaar ingeschreven in de gemeente",
                        ["date-naissance", "inscription-registre"]),
    "nouvelle-adresse": ("Avoir emménagé à une nouvelle adresse dans la commune",
                         "Verhuisd zijn naar een nieuw adres in de gemeente", ["adresse-declaree"]),
    "acte-naissance": ("Naissance enregistrée dans la commune", "Geboorte geregistreerd in de gemeente",
                       ["naissance"]),
    "acte-deces": ("Décès enregistré dans la commune", "Overlijden geregistreerd in de gemeente", ["deces"]),
    "riverain": ("Être domicilié dans le périmètre et utilisateur habituel du véhicule",
                 "Gedomicilieerd zijn in de zone en gewone gebruiker van het voertuig",
                 ["residence-principale", "immatriculation"]),
    "emplacement-pmr": ("Personne handicapée domiciliée dans la rue, sans garage",
                        "Persoon met een handicap die in de straat woont, zonder garage",
                        ["reconnaissance-handicap", "residence-principale"]),
    "urbanisme": ("Projet de construction ou de transformation soumis à permis",
                  "Bouw- of verbouwingsproject dat vergunningsplichtig is", ["projet-urbanisme"]),
    "declaration-naissance": ("Naissance survenue sur le territoire de la commune",
                              "Geboorte op het grondgebied van de gemeente", ["naissance"]),
    "prime-naissance-communale": ("Enfant né et domicilié dans la commune", "Kind geboren en gedomicilieerd in de "
                                  "gemeente", ["naissance", "residence-principale"]),
    "carte-pmr": ("Handicap reconnu : invalidité d'au moins 80 % ou mobilité réduite d'au moins 12 points",
                  "Erkende handicap: invaliditeit van ten minste 80 % of verminderde mobiliteit van ten minste "
                  "12 punten", ["reconnaissance-handicap"]),
    "arr": ("Capacité de gain réduite à un tiers et revenus sous le plafond",
            "Verdienvermogen verminderd tot een derde en inkomen onder het plafond",
            ["reconnaissance-handicap", "capacite-gain", "revenus-imposables"]),
    "ai": ("Autonomie réduite d'au moins 7 points et revenus sous le plafond",
           "Zelfredzaamheid verminderd met ten minste 7 punten en inkomen onder het plafond",
           ["reconnaissance-handicap", "autonomie", "revenus-imposables"]),
    "ris": ("Résider en Belgique, être majeur, ne pas disposer de ressources suffisantes et être disposé à "
            "travailler",
            "In België verblijven, meerderjarig zijn, geen toereikende bestaansmiddelen hebben en werkbereid zijn",
            ["residence-principale", "date-naissance", "revenus-imposables", "disposition-travail"]),
    "chauffage": ("Ménage aux revenus modestes qui se chauffe au gasoil, au pétrole lampant ou au propane en vrac",
                  "Gezin met een bescheiden inkomen dat verwarmt met gasolie, verwarmingspetroleum of bulkpropaan",
                  ["composition-menage", "revenus-imposables", "type-chauffage", "residence-principale"]),
    "pension": ("Avoir atteint l'âge légal de la pension ou remplir les conditions de carrière",
                "De wettelijke pensioenleeftijd bereikt hebben of aan de loopbaanvoorwaarden voldoen",
                ["date-naissance", "carriere"]),
    "tarif-social": ("Bénéficier d'une allocation ou d'un revenu ouvrant le droit au tarif social",
                     "Een uitkering of inkomen genieten dat recht geeft op het sociaal tarief",
                     ["reconnaissance-handicap", "revenus-imposables"]),
    "renovation-wallonie": ("Être titulaire d'un droit réel sur un logement de plus de 15 ans, revenus plafonnés",
                            "", ["revenus-menage-primes", "droit-reel", "residence-principale", "age-logement"]),
    "audit-wallonie": ("Être titulaire d'un droit réel sur le logement audité, revenus plafonnés", "",
                       ["revenus-menage-primes", "droit-reel", "residence-principale"]),
    "renolution": ("Être titulaire d'un droit réel sur un logement bruxellois de plus de 10 ans",
                   "Houder zijn van een zakelijk recht op een Brusselse woning van meer dan 10 jaar",
                   ["revenus-menage-renolution", "droit-reel", "residence-principale", "age-logement"]),
    "allocation-naissance-wallonie": ("Enfant né et domicilié en Wallonie", "", ["naissance", "residence-principale"]),
    "prime-naissance-bruxelles": ("Enfant né et domicilié en Région bruxelloise",
                                  "Kind geboren en gedomicilieerd in het Brussels Gewest",
                                  ["naissance", "residence-principale"]),
    "apa": ("Avoir 65 ans, une autonomie réduite et des revenus sous le plafond",
            "65 jaar zijn, een verminderde zelfredzaamheid hebben en een inkomen onder het plafond",
            ["reconnaissance-handicap", "autonomie", "date-naissance", "revenus-imposables"]),
    "inscription-emploi": ("Avoir terminé ses études et résider dans la région",
                           "Zijn studies beëindigd hebben en in het gewest wonen",
                           ["residence-principale", "date-naissance"]),
    "aide-individuelle": ("Handicap reconnu avant 65 ans et domicile en Wallonie", "",
                          ["reconnaissance-handicap", "residence-principale"]),
    "immatriculation": ("Avoir sa résidence principale en Belgique", "Zijn hoofdverblijfplaats in België hebben",
                        ["residence-principale"]),
    "logement-social": ("Ménage en état de précarité ou aux revenus modestes, sans logement en propriété", "",
                        ["composition-menage", "revenus-imposables", "residence-principale", "droit-reel"]),
    "attestation-handicap": ("Avoir introduit une demande de reconnaissance", "Een erkenningsaanvraag ingediend "
                             "hebben", ["reconnaissance-handicap"]),
}

EVENTS = {
    "naissance": ("Naissance d'un enfant", "Geboorte van een kind"),
    "demenagement": ("Déménagement", "Verhuizen"),
    "identite": ("Papiers d'identité", "Identiteitsdocumenten"),
    "handicap": ("Vivre avec un handicap", "Leven met een handicap"),
    "vehicule": ("Acheter et utiliser un véhicule", "Een voertuig kopen en gebruiken"),
    "logement": ("Rénover son logement", "Zijn woning renoveren"),
    "construire": ("Construire ou transformer", "Bouwen of verbouwen"),
    "emploi": ("Perdre ou chercher un emploi", "Werk verliezen of zoeken"),
    "pension": ("Prendre sa pension", "Met pensioen gaan"),
    "precarite": ("Difficultés financières", "Financiële moeilijkheden"),
    "deces": ("Décès d'un proche", "Overlijden van een naaste"),
    "vieillir": ("Vieillir", "Ouder worden"),
}

OUTPUT_TYPES = {"document": "Document", "decision": "Décision d'octroi", "permis": "Permis", "paiement": "Paiement"}

#: capability -> (French, broader capability or "")
CAPABILITIES = {
    "registre-population": ("Gestion du registre de la population", ""),
    "gestion-primes-logement": ("Gestion des primes au logement", ""),
    "gestion-primes-energie": ("Gestion des primes énergie", "gestion-primes-logement"),
    "prestations-familiales": ("Paiement des prestations familiales", ""),
    "dossiers-sociaux": ("Gestion des dossiers d'aide sociale", ""),
    "inscription-demandeurs-emploi": ("Inscription des demandeurs d'emploi", ""),
    "cartes-stationnement": ("Délivrance des cartes de stationnement", ""),
}

#: application -> (title, owner, capabilities)
APPLICATIONS = {
    "saphir-namur": ("Saphir – population (Namur)", "namur", ["registre-population"]),
    "saphir-liege": ("Saphir – population (Liège)", "liege", ["registre-population"]),
    "beprof-charleroi": ("Population et état civil (Charleroi)", "charleroi", ["registre-population"]),
    "bepic-ixelles": ("BePic – population (Ixelles)", "ixelles", ["registre-population"]),
    "bepic-uccle": ("BePic – population (Uccle)", "uccle", ["registre-population"]),
    "primes-habitation": ("Primes Habitation (back-office)", "spw-logement", ["gestion-primes-logement"]),
    "renolution-backoffice": ("RENOLUTION – back-office des primes", "bruxelles-environnement",
                              ["gestion-primes-logement"]),
    "primes-urban": ("Gestion des primes urbanisme", "urban-brussels", ["gestion-primes-logement"]),
    "primes-energie-spw": ("Primes énergie (SPW Énergie)", "spw-logement", ["gestion-primes-energie"]),
    "primes-energie-entreprises": ("Primes énergie entreprises (UREBA)", "spw-economie", ["gestion-primes-energie"]),
    "famiwal-paiements": ("Famiwal – paiements", "famiwal", ["prestations-familiales"]),
    "famiris-paiements": ("Famiris – paiements", "famiris", ["prestations-familiales"]),
    "dossier-social-liege": ("Dossier social du CPAS de Liège", "cpas-liege", ["dossiers-sociaux"]),
    "dossier-social-charleroi": ("Dossier social du CPAS de Charleroi", "cpas-charleroi", ["dossiers-sociaux"]),
    "dossier-social-ixelles": ("Dossier social du CPAS d'Ixelles", "cpas-ixelles", ["dossiers-sociaux"]),
    "forem-inscriptions": ("Inscriptions des demandeurs d'emploi (Forem)", "forem", ["inscription-demandeurs-emploi"]),
    "actiris-inscriptions": ("My Actiris – inscriptions", "actiris", ["inscription-demandeurs-emploi"]),
    "myhandicap": ("MyHandicap", "dg-personnes-handicapees", ["cartes-stationnement"]),
}

# ------------------------------------------------------------------------------------------------
# Services
# ------------------------------------------------------------------------------------------------

SERVICES: list[dict] = []


def service(slug, authority, spatial, title, description, *, legal=(), events=(), channels=("guichet",),
            evidence=(), outputs=(), stype, mode="", cases=0, requirements=()) -> None:
    """One catalogue entry (title, description, authority, channels, events, legal basis, evidence and outputs as
    the catalogue states them) with its enrichment (type, granting mode, cases, requirements, and the links of
    its evidence and outputs). evidence: (slug, fr, nl, concepts, evidence type); outputs: (slug, fr, nl, type,
    usable as)."""
    SERVICES.append(dict(slug=slug, authority=authority, spatial=spatial, title=title, description=description,
                         legal=list(legal), events=list(events), channels=list(channels), evidence=list(evidence),
                         outputs=list(outputs), stype=stype, mode=mode, cases=cases,
                         requirements=list(requirements)))


# -- Federal ---------------------------------------------------------------------------------------
service("dghan/carte-stationnement", "dg-personnes-handicapees", "BE",
        {"fr": "Carte de stationnement pour personnes handicapées",
         "nl": "Parkeerkaart voor personen met een handicap",
         "en": "Parking card for persons with disabilities"},
        {"fr": "La carte de stationnement vous permet de vous garer gratuitement et sans limite de temps sur les "
               "emplacements réservés. Introduisez votre demande en ligne via MyHandicap.",
         "nl": "Met de parkeerkaart mag u gratis en zonder tijdslimiet parkeren op de voorbehouden plaatsen. Vraag "
               "de kaart online aan via MyHandicap.",
         "en": "The parking card lets you park free of charge and without time limit on reserved spaces. Apply "
               "online through MyHandicap."},
        legal=["am-carte-stationnement-1999"], events=["handicap"], channels=["en-ligne"],
        outputs=[("dghan-carte-stationnement", "Carte de stationnement", "Parkeerkaart", "document",
                  "carte-stationnement-pmr")],
        stype="Entitlement", mode="OnRequest", cases=41000, requirements=["carte-pmr"])
service("dghan/allocation-remplacement-revenus", "dg-personnes-handicapees", "BE",
        {"fr": "Allocation de remplacement de revenus (ARR)", "nl": "Inkomensvervangende tegemoetkoming (IVT)",
         "en": "Income replacement allowance"},
        {"fr": "Allocation pour les personnes handicapées de 21 à 65 ans dont la capacité de gain est réduite à un "
               "tiers ou moins de ce qu'une personne valide peut gagner.",
         "nl": "Tegemoetkoming voor personen met een handicap van 21 tot 65 jaar van wie het verdienvermogen "
               "beperkt is tot een derde of minder van wat een valide persoon kan verdienen.",
         "en": "An allowance for persons with disabilities aged 21 to 65 whose earning capacity is reduced to a "
               "third or less."},
        legal=["loi-handicap-1987"], events=["handicap"], channels=["en-ligne", "guichet"],
        outputs=[("dghan-decision-arr", "Décision ARR", "Beslissing IVT", "decision", "")],
        stype="Entitlement", mode="OnRequest", cases=65000, requirements=["arr"])
service("dghan/allocation-integration", "dg-personnes-handicapees", "BE",
        {"fr": "Allocation d'intégration (AI)", "nl": "Integratietegemoetkoming (IT)", "en": "Integration allowance"},
        {"fr": "Allocation destinée à couvrir les frais supplémentaires des personnes handicapées dont "
               "l'autonomie est réduite, pour s'intégrer dans la vie sociale.",
         "nl": "Tegemoetkoming voor de bijkomende kosten van personen met een handicap met een verminderde "
               "zelfredzaamheid om deel te nemen aan het maatschappelijk leven.",
         "en": "An allowance towards the extra costs of persons with disabilities whose self-reliance is reduced."},
        legal=["loi-handicap-1987"], events=["handicap"], channels=["en-ligne", "guichet"],
        outputs=[("dghan-decision-ai", "Décision AI", "Beslissing IT", "decision", "")],
        stype="Entitlement", mode="OnRequest", cases=80000, requirements=["ai"])
service("dghan/attestations", "dg-personnes-handicapees", "BE",
        {"fr": "Attestations de reconnaissance du handicap", "nl": "Attesten van erkenning van de handicap",
         "en": "Disability recognition certificates"},
        {"fr": "Téléchargez dans MyHandicap les attestations de votre reconnaissance pour obtenir des avantages "
               "sociaux et fiscaux.",
         "nl": "Download in MyHandicap de attesten van uw erkenning om sociale en fiscale voordelen te krijgen.",
         "en": "Download the certificates of your recognition in MyHandicap to obtain social and tax benefits."},
        legal=["loi-handicap-1987"], events=["handicap"], channels=["en-ligne"],
        outputs=[("dghan-attestation", "Attestation de handicap", "Handicapattest", "document",
                  "attestation-handicap")],
        stype="Certificate", cases=120000, requirements=["attestation-handicap"])
service("spp-is/revenu-integration", "spp-integration-sociale", "BE",
        {"fr": "Droit à l'intégration sociale – revenu d'intégration", "nl": "Recht op maatschappelijke integratie "
         "– leefloon", "en": "Right to social integration – integration income"},
        {"fr": "Le revenu d'intégration est une aide financière octroyée par le CPAS de votre commune aux "
               "personnes qui n'ont pas de ressources suffisantes.",
         "nl": "Het leefloon is een financiële steun die het OCMW van uw gemeente toekent aan wie niet over "
               "voldoende bestaansmiddelen beschikt.",
         "en": "The integration income is financial aid granted by the public social welfare centre of your "
               "municipality to people without sufficient resources."},
        legal=["loi-integration-sociale-2002"], events=["precarite"], channels=["en-ligne"],
        outputs=[("spp-decision-ris", "Décision d'octroi du revenu d'intégration", "Beslissing leefloon",
                  "decision", "")],
        stype="Entitlement", mode="OnRequest", cases=160000, requirements=["ris"])
service("spp-is/fonds-social-chauffage", "spp-integration-sociale", "BE",
        {"fr": "Fonds social chauffage : allocation de chauffage", "nl": "Sociaal Verwarmingsfonds: "
         "verwarmingstoelage", "en": "Social Heating Fund: heating allowance"},
        {"fr": "Une allocation pour les ménages qui se chauffent au gasoil, au pétrole lampant ou au propane en "
               "vrac. La demande se fait au CPAS dans les 60 jours de la livraison.",
         "nl": "Een toelage voor gezinnen die verwarmen met gasolie, verwarmingspetroleum of bulkpropaan. Vraag ze "
               "binnen 60 dagen na de levering aan bij het OCMW.",
         "en": "An allowance for households heating with gas oil, kerosene or bulk propane, requested from the "
               "welfare centre within 60 days of delivery."},
        legal=["loi-programme-2008-chauffage"], events=["precarite"], channels=["en-ligne"],
        evidence=[("spp-facture-combustible", "Facture ou bon de livraison du combustible",
                   "Factuur of leveringsbon van de brandstof", ["type-chauffage"], "")],
        outputs=[("spp-allocation-chauffage", "Allocation de chauffage", "Verwarmingstoelage", "paiement", "")],
        stype="Entitlement", mode="OnRequest", cases=90000, requirements=["chauffage"])
service("sfp/pension-retraite", "service-pensions", "BE",
        {"fr": "Demander sa pension de retraite", "nl": "Uw rustpensioen aanvragen", "en": "Applying for your "
         "retirement pension"},
        {"fr": "Vous pouvez introduire votre demande de pension en ligne sur mypension.be au plus tôt un an avant "
               "la date de prise de cours souhaitée.",
         "nl": "U kunt uw pensioenaanvraag online indienen op mypension.be, ten vroegste een jaar voor de gewenste "
               "ingangsdatum.",
         "en": "You can apply online on mypension.be at the earliest one year before the desired start date."},
        legal=["ar-pension-1967"], events=["pension"], channels=["en-ligne"],
        outputs=[("sfp-decision-pension", "Décision de pension", "Pensioenbeslissing", "decision", "")],
        stype="Entitlement", mode="OnRequest", cases=130000, requirements=["pension"])
service("spf-economie/tarif-social", "spf-economie", "BE",
        {"fr": "Tarif social pour l'énergie", "nl": "Sociaal tarief voor energie", "en": "Social energy tariff"},
        {"fr": "Le tarif social est le tarif le plus bas du marché pour l'électricité et le gaz naturel. Il est "
               "appliqué automatiquement par votre fournisseur si vous y avez droit.",
         "nl": "Het sociaal tarief is het laagste tarief op de markt voor elektriciteit en aardgas. Uw leverancier "
               "past het automatisch toe als u er recht op hebt.",
         "en": "The social tariff is the lowest electricity and gas price on the market, applied automatically."},
        legal=["loi-programme-2007-tarif-social"], events=["precarite"], channels=["en-ligne"],
        outputs=[("economie-tarif-social", "Application du tarif social", "Toepassing van het sociaal tarief",
                  "decision", "")],
        stype="Entitlement", mode="Automatic", cases=450000, requirements=["tarif-social"])
service("spf-mobilite/immatriculation", "spf-mobilite", "BE",
        {"fr": "Immatriculer un véhicule", "nl": "Een voertuig inschrijven", "en": "Registering a vehicle"},
        {"fr": "Avant de circuler, tout véhicule doit être immatriculé à la DIV. Votre assureur ou votre garagiste "
               "introduit généralement la demande via WebDIV.",
         "nl": "Elk voertuig moet bij de DIV ingeschreven zijn voor het de weg op gaat. Meestal vraagt uw "
               "verzekeraar of garagist de inschrijving aan via WebDIV.",
         "en": "Every vehicle must be registered with the DIV before use; usually your insurer applies via WebDIV."},
        legal=["ar-immatriculation-2001"], events=["vehicule"], channels=["en-ligne"],
        outputs=[("div-certificat", "Certificat d'immatriculation", "Inschrijvingsbewijs", "document",
                  "certificat-immatriculation")],
        stype="Obligation", cases=1100000, requirements=["immatriculation"])
service("spf-finances/avertissement-extrait-role", "spf-finances", "BE",
        {"fr": "Consulter son avertissement-extrait de rôle dans MyMinfin", "nl": "Uw aanslagbiljet raadplegen in "
         "MyMinfin", "en": "Viewing your tax assessment in MyMinfin"},
        {"fr": "Votre avertissement-extrait de rôle est disponible dans MyMinfin dès qu'il est établi ; vous "
               "pouvez le télécharger et l'imprimer.",
         "nl": "Uw aanslagbiljet staat in MyMinfin zodra het is opgemaakt; u kunt het downloaden en afdrukken.",
         "en": "Your tax assessment is available in MyMinfin as soon as it is issued."},
        legal=["cir92"], channels=["en-ligne"],
        outputs=[("minfin-avertissement", "Avertissement-extrait de rôle", "Aanslagbiljet", "document",
                  "avertissement-extrait-role")],
        stype="Certificate", cases=6900000)

# -- Wallonia --------------------------------------------------------------------------------------
service("spw/prime-habitation-renovation", "spw-logement", "BE3",
        {"fr": "Primes Habitation : travaux de rénovation"},
        {"fr": "Vous rénovez un logement de plus de 15 ans dont vous êtes propriétaire ? La Wallonie vous octroie "
               "une prime pour les travaux de toiture, de menuiserie ou d'isolation recommandés par l'auditeur."},
        legal=["agw-primes-habitation-2019"], events=["logement"], channels=["en-ligne"],
        outputs=[("spw-prime-renovation", "Prime rénovation", "", "paiement", "")],
        stype="Entitlement", mode="OnRequest", cases=21000, requirements=["renovation-wallonie"])
service("spw/primes-renovation-energie", "spw-logement", "BE3",
        {"fr": "Prime à la rénovation de votre habitation (portail énergie)"},
        {"fr": "Isolation du toit, remplacement des châssis, assèchement des murs : découvrez les montants des "
               "primes pour rénover votre maison et introduisez votre demande après l'audit logement."},
        legal=["agw-primes-habitation-2019"], events=["logement"], channels=["en-ligne"],
        outputs=[("spw-prime-renovation-energie", "Prime rénovation", "", "paiement", "")],
        stype="Entitlement", mode="OnRequest", cases=4000, requirements=["renovation-wallonie"])
service("spw/prime-audit-logement", "spw-logement", "BE3",
        {"fr": "Primes Habitation : audit logement"},
        {"fr": "Avant tout travail, faites réaliser un audit logement par un auditeur agréé : la Wallonie en "
               "rembourse une partie."},
        legal=["agw-primes-habitation-2019"], events=["logement"], channels=["en-ligne"],
        outputs=[("spw-prime-audit", "Prime audit", "", "paiement", "")],
        stype="Entitlement", mode="OnRequest", cases=26000, requirements=["audit-wallonie"])
service("famiwal/allocation-naissance", "famiwal", "BE3",
        {"fr": "Allocation de naissance", "nl": "Kraamgeld"},
        {"fr": "Une allocation unique versée à la naissance de chaque enfant domicilié en Wallonie. Famiwal vous "
               "contacte, mais vous pouvez aussi la demander dès le sixième mois de grossesse.",
         "nl": "Een eenmalige toelage bij de geboorte van elk kind dat in Wallonië woont."},
        legal=["decret-allocations-familiales-2018"], events=["naissance"], channels=["en-ligne", "guichet"],
        outputs=[("famiwal-allocation-naissance", "Allocation de naissance", "Kraamgeld", "paiement", "")],
        stype="Entitlement", mode="OnRequest", cases=33000, requirements=["allocation-naissance-wallonie"])
service("aviq/aide-individuelle", "aviq", "BE3",
        {"fr": "Aides individuelles à l'intégration"},
        {"fr": "L'AVIQ intervient dans le coût des aides matérielles dont vous avez besoin en raison de votre "
               "handicap : aménagement du domicile, aides techniques, véhicule adapté."},
        legal=["code-wallon-action-sociale"], events=["handicap"], channels=["guichet"],
        outputs=[("aviq-intervention", "Intervention financière", "", "paiement", "")],
        stype="Entitlement", mode="OnRequest", cases=9000, requirements=["aide-individuelle"])
service("aviq/aide-materielle", "aviq", "BE3",
        {"fr": "Demander une aide matérielle (ex-AWIPH)"},
        {"fr": "Vous êtes en situation de handicap et avez besoin d'un aménagement ou d'un matériel spécifique ? "
               "Introduisez une demande d'intervention auprès du bureau régional de l'AVIQ."},
        legal=["code-wallon-action-sociale"], events=["handicap"], channels=["guichet"],
        outputs=[("aviq-intervention-materielle", "Intervention financière", "", "paiement", "")],
        stype="Entitlement", mode="OnRequest", cases=2000, requirements=["aide-individuelle"])
service("aviq/allocation-aide-personnes-agees", "aviq", "BE3",
        {"fr": "Allocation pour l'aide aux personnes âgées (APA)"},
        {"fr": "Une allocation pour les personnes de 65 ans et plus qui ont des difficultés à accomplir les gestes "
               "de la vie quotidienne, octroyée par l'AVIQ aux habitants de la Wallonie."},
        legal=["code-wallon-action-sociale"], events=["vieillir"], channels=["guichet"],
        outputs=[("aviq-decision-apa", "Décision APA", "", "decision", "")],
        stype="Entitlement", mode="OnRequest", cases=55000, requirements=["apa"])
service("forem/inscription", "forem", "BE3",
        {"fr": "S'inscrire comme demandeur d'emploi", "nl": "Zich inschrijven als werkzoekende"},
        {"fr": "Inscrivez-vous au Forem dès la fin de vos études ou de votre contrat, en ligne ou dans un bureau "
               "du Forem.",
         "nl": "Schrijf u in bij de Forem zodra uw studies of uw contract afgelopen zijn."},
        legal=["decret-forem-1999"], events=["emploi"], channels=["en-ligne", "guichet"],
        outputs=[("forem-attestation-inscription", "Attestation d'inscription", "Inschrijvingsattest", "document", "")],
        stype="Obligation", cases=150000, requirements=["inscription-emploi"])
service("swl/candidature-logement-social", "swl", "BE3",
        {"fr": "Introduire une candidature pour un logement public"},
        {"fr": "Pour obtenir un logement public en Wallonie, introduisez un formulaire de candidature unique "
               "auprès d'une société de logement de service public, avec une composition de ménage et votre "
               "dernier avertissement-extrait de rôle."},
        legal=["code-wallon-habitation"], events=["logement"], channels=["guichet"],
        evidence=[("swl-composition-menage", "Composition de ménage", "", ["composition-menage"], "composition-menage"),
                  ("swl-avertissement", "Avertissement-extrait de rôle", "", ["revenus-imposables"],
                   "avertissement-extrait-role")],
        outputs=[("swl-inscription-candidat", "Inscription comme candidat locataire", "", "decision", "")],
        stype="Entitlement", mode="OnRequest", cases=18000, requirements=["logement-social"])

# -- Brussels --------------------------------------------------------------------------------------
service("famiris/prime-naissance", "famiris", "BE1",
        {"fr": "Prime de naissance", "nl": "Geboortepremie"},
        {"fr": "Famiris verse une prime de naissance pour chaque enfant né en Région de Bruxelles-Capitale, que "
               "vous pouvez demander à partir du sixième mois de grossesse.",
         "nl": "Famiris betaalt een geboortepremie voor elk kind geboren in het Brussels Hoofdstedelijk Gewest; u "
               "kunt ze aanvragen vanaf de zesde maand van de zwangerschap."},
        legal=["ordonnance-prestations-familiales-2019"], events=["naissance"], channels=["en-ligne"],
        outputs=[("famiris-prime-naissance", "Prime de naissance", "Geboortepremie", "paiement", "")],
        stype="Entitlement", mode="OnRequest", cases=15000, requirements=["prime-naissance-bruxelles"])
service("iriscare/apa", "iriscare", "BE1",
        {"fr": "Allocation pour l'aide aux personnes âgées", "nl": "Tegemoetkoming voor hulp aan bejaarden"},
        {"fr": "Iriscare octroie aux Bruxellois de 65 ans et plus dont l'autonomie est réduite une allocation "
               "pour couvrir les frais supplémentaires.",
         "nl": "Iriscare kent Brusselaars van 65 jaar en ouder met een verminderde zelfredzaamheid een "
               "tegemoetkoming toe voor de bijkomende kosten."},
        legal=["ordonnance-apa-2021"], events=["vieillir"], channels=["guichet"],
        outputs=[("iriscare-decision-apa", "Décision APA", "Beslissing THAB", "decision", "")],
        stype="Entitlement", mode="OnRequest", cases=30000, requirements=["apa"])
service("actiris/inscription", "actiris", "BE1",
        {"fr": "Inscription comme chercheur d'emploi", "nl": "Inschrijving als werkzoekende"},
        {"fr": "Vous cherchez un emploi à Bruxelles ? Inscrivez-vous chez Actiris pour bénéficier d'un "
               "accompagnement et conserver vos droits.",
         "nl": "Zoekt u werk in Brussel? Schrijf u in bij Actiris voor begeleiding en om uw rechten te behouden."},
        legal=["ordonnance-actiris-2001"], events=["emploi"], channels=["guichet"],
        outputs=[("actiris-attestation", "Attestation d'inscription", "Inschrijvingsattest", "document", "")],
        stype="Obligation", cases=100000, requirements=["inscription-emploi"])
service("actiris/inscription-en-ligne", "actiris", "BE1",
        {"fr": "S'inscrire en ligne sur My Actiris", "nl": "Online inschrijven via My Actiris"},
        {"fr": "Créez votre compte My Actiris et inscrivez-vous comme chercheur d'emploi sans vous déplacer.",
         "nl": "Maak uw My Actiris-account aan en schrijf u in als werkzoekende zonder u te verplaatsen."},
        legal=["ordonnance-actiris-2001"], events=["emploi"], channels=["en-ligne"],
        outputs=[("actiris-attestation-en-ligne", "Attestation d'inscription", "Inschrijvingsattest", "document",
                  "")],
        stype="Obligation", cases=40000, requirements=["inscription-emploi"])
service("bruxelles-environnement/renolution", "bruxelles-environnement", "BE1",
        {"fr": "Primes RENOLUTION", "nl": "RENOLUTION-premies"},
        {"fr": "Les primes RENOLUTION soutiennent les travaux d'isolation, de chauffage et de rénovation des "
               "logements bruxellois ; le montant dépend des revenus du ménage.",
         "nl": "De RENOLUTION-premies ondersteunen isolatie-, verwarmings- en renovatiewerken aan Brusselse "
               "woningen; het bedrag hangt af van het inkomen van het huishouden."},
        legal=["agrbc-renolution-2022", "agrbc-renolution-modif-2023"], events=["logement"], channels=["en-ligne"],
        outputs=[("renolution-prime", "Prime RENOLUTION", "RENOLUTION-premie", "paiement", "")],
        stype="Entitlement", mode="OnRequest", cases=25000, requirements=["renolution"])
service("urban/primes-renovation-habitat", "urban-brussels", "BE1",
        {"fr": "Primes à la rénovation de l'habitat", "nl": "Premies voor de renovatie van het woonmilieu"},
        {"fr": "Urban.brussels octroie des primes pour rénover votre logement à Bruxelles : toiture, façade, "
               "menuiseries, électricité.",
         "nl": "Urban.brussels kent premies toe om uw woning in Brussel te renoveren: dak, gevel, schrijnwerk, "
               "elektriciteit."},
        legal=["agrbc-primes-renovation-2016"], events=["logement"], channels=["guichet"],
        outputs=[("urban-prime-renovation", "Prime à la rénovation", "Renovatiepremie", "paiement", "")],
        stype="Entitlement", mode="OnRequest", cases=3000, requirements=["renolution"])

# -- Local catalogue entries that duplicate a federal or regional service -----------------------------
service("namur/carte-stationnement-pmr", "namur", "namur",
        {"fr": "Obtenir la carte de stationnement PMR"},
        {"fr": "Le service Affaires sociales de la Ville vous aide à introduire votre demande de carte de "
               "stationnement pour personne à mobilité réduite. Munissez-vous de votre carte d'identité et de "
               "l'attestation de reconnaissance de votre handicap."},
        legal=["am-carte-stationnement-1999"], events=["handicap"], channels=["guichet"],
        evidence=[("namur-attestation-handicap", "Attestation de reconnaissance du handicap", "",
                   ["reconnaissance-handicap"], "attestation-handicap")],
        outputs=[("namur-carte-pmr", "Carte de stationnement", "", "document", "carte-stationnement-pmr")],
        stype="Entitlement", mode="OnRequest", cases=600, requirements=["carte-pmr"])
service("cpas-charleroi/revenu-integration", "cpas-charleroi", "charleroi",
        {"fr": "Revenu d'intégration sociale (RIS)"},
        {"fr": "Le CPAS de Charleroi peut vous octroyer un revenu d'intégration si vous résidez à Charleroi et ne "
               "disposez pas de ressources suffisantes. Un assistant social examine votre situation."},
        legal=["loi-integration-sociale-2002"], events=["precarite"], channels=["guichet"],
        outputs=[("charleroi-decision-ris", "Décision du Conseil de l'action sociale", "", "decision", "")],
        stype="Entitlement", mode="OnRequest", cases=9000, requirements=["ris"])
service("cpas-liege/allocation-chauffage", "cpas-liege", "liege",
        {"fr": "Allocation de chauffage (Fonds Mazout)"},
        {"fr": "Le CPAS de Liège traite les demandes d'allocation de chauffage pour les Liégeois qui se chauffent "
               "au mazout. Apportez la facture de livraison et votre dernier avertissement-extrait de rôle."},
        legal=["loi-programme-2008-chauffage"], events=["precarite"], channels=["guichet"],
        evidence=[("liege-facture-mazout", "Facture de livraison du mazout", "", ["type-chauffage"], ""),
                  ("liege-avertissement", "Avertissement-extrait de rôle", "", ["revenus-imposables"],
                   "avertissement-extrait-role")],
        outputs=[("liege-allocation-chauffage", "Allocation de chauffage", "", "paiement", "")],
        stype="Entitlement", mode="OnRequest", cases=5000, requirements=["chauffage"])
service("mons/pension", "mons", "mons",
        {"fr": "Pensions : introduire votre demande au service Pensions de la Ville"},
        {"fr": "Le service Pensions de l'administration communale introduit pour vous votre demande de pension de "
               "retraite ou de survie auprès du Service fédéral des Pensions."},
        legal=["ar-pension-1967"], events=["pension"], channels=["guichet"],
        outputs=[("mons-decision-pension", "Décision de pension", "", "decision", "")],
        stype="Entitlement", mode="OnRequest", cases=700, requirements=["pension"])
service("cpas-schaerbeek/tarif-social", "cpas-schaerbeek", "schaerbeek",
        {"fr": "Tarif social gaz et électricité", "nl": "Sociaal tarief gas en elektriciteit"},
        {"fr": "Vous bénéficiez d'une allocation du CPAS ou d'une allocation pour personne handicapée ? Le tarif "
               "social vous est appliqué ; le service Énergie du CPAS vérifie vos droits.",
         "nl": "Krijgt u een uitkering van het OCMW of een tegemoetkoming voor personen met een handicap? Dan krijgt "
               "u het sociaal tarief; de energiedienst van het OCMW controleert uw rechten."},
        legal=["loi-programme-2007-tarif-social"], events=["precarite"], channels=["guichet"],
        outputs=[("schaerbeek-tarif-social", "Application du tarif social", "Toepassing van het sociaal tarief",
                  "decision", "")],
        stype="Entitlement", mode="Automatic", cases=3000, requirements=["tarif-social"])
service("uccle/allocations-handicap", "uccle", "uccle",
        {"fr": "Allocation de remplacement de revenus pour personne handicapée : demande via le service social",
         "nl": "Inkomensvervangende tegemoetkoming voor personen met een handicap: aanvraag via de sociale dienst"},
        {"fr": "Le service des Affaires sociales d'Uccle vous aide à introduire votre demande d'allocation de "
               "remplacement de revenus auprès de la DG Personnes handicapées.",
         "nl": "De dienst Sociale Zaken van Ukkel helpt u uw aanvraag voor een inkomensvervangende tegemoetkoming "
               "in te dienen bij de DG Personen met een handicap."},
        legal=["loi-handicap-1987"], events=["handicap"], channels=["guichet"],
        outputs=[("uccle-decision-arr", "Décision ARR", "Beslissing IVT", "decision", "")],
        stype="Entitlement", mode="OnRequest", cases=300, requirements=["arr"])

# -- Municipal catalogues ----------------------------------------------------------------------------
#: Inhabitants (thousands), for the case counts.
POPULATION = {"namur": 113, "liege": 197, "charleroi": 202, "mons": 96, "tournai": 69, "arlon": 31, "wavre": 35,
              "verviers": 55, "la-louviere": 81, "nivelles": 29, "ixelles": 87, "schaerbeek": 133,
              "anderlecht": 122, "uccle": 84, "etterbeek": 48, "forest": 56, "saint-gilles": 50,
              "woluwe-saint-lambert": 57}
#: Municipalities whose website has English pages.
ENGLISH = {"ixelles", "etterbeek", "uccle", "woluwe-saint-lambert"}
#: Municipalities that pay a birth premium of their own.
BIRTH_PREMIUM = ["namur", "mons", "wavre", "arlon", "uccle", "woluwe-saint-lambert"]

#: What every municipality's catalogue lists, each for its own territory. Per template: titles and
#: descriptions in several wordings (a municipality uses one of them), cases per thousand inhabitants,
#: and the structure.
TEMPLATES = {
    "carte-identite": dict(
        fr=["Carte d'identité électronique (eID)", "Demander ou renouveler sa carte d'identité",
            "Carte d'identité belge : première demande et renouvellement"],
        fr_d=["Le service Population délivre la carte d'identité électronique aux Belges de 12 ans et plus "
              "inscrits à {name}. Présentez-vous au guichet avec une photo récente et votre convocation.",
              "Votre carte arrive à échéance ? Prenez rendez-vous au service Population de {name} ; la carte est "
              "disponible environ trois semaines plus tard avec vos codes PIN et PUK."],
        nl=["Elektronische identiteitskaart (eID)", "Identiteitskaart aanvragen of vernieuwen"],
        nl_d=["De dienst Bevolking van {name} levert de elektronische identiteitskaart af aan Belgen vanaf 12 jaar. "
              "Breng een recente pasfoto en uw oproepingsbrief mee."],
        en=["Electronic identity card (eID)"], en_d=["Belgians aged 12 and over registered in {name} get their "
                                                     "eID card from the Population department."],
        rate=90, legal=["loi-registres-1991"], events=["identite"], stype="Certificate",
        requirements=["inscrit-registre"], evidence=[("photo", "Photo d'identité récente", "Recente pasfoto", [], "")],
        outputs=[("carte-identite", "Carte d'identité électronique", "Elektronische identiteitskaart", "document",
                  "")]),
    "kids-id": dict(
        fr=["Kids-ID : carte d'identité pour les enfants de moins de 12 ans", "Kids-ID",
            "Demander une Kids-ID pour votre enfant"],
        fr_d=["La Kids-ID est la carte d'identité électronique des enfants belges de moins de 12 ans. Elle est "
              "indispensable pour voyager en Europe. L'enfant doit être présent au guichet de {name}.",
              "Votre enfant part en voyage ? Demandez sa Kids-ID au moins trois semaines à l'avance au service "
              "Population."],
        nl=["Kids-ID: identiteitskaart voor kinderen jonger dan 12 jaar", "Kids-ID aanvragen"],
        nl_d=["De Kids-ID is de elektronische identiteitskaart voor Belgische kinderen jonger dan 12 jaar; het kind "
              "moet zelf naar het loket komen."],
        en=["Kids-ID for children under 12"], en_d=["The Kids-ID is the electronic identity card of Belgian "
                                                    "children under 12."],
        rate=25, legal=["loi-registres-1991"], events=["identite"], stype="Certificate",
        requirements=["enfant-moins-12"], evidence=[("photo-enfant", "Photo d'identité de l'enfant",
                                                     "Pasfoto van het kind", [], "")],
        outputs=[("kids-id", "Kids-ID", "Kids-ID", "document", "")]),
    "changement-adresse": dict(
        fr=["Changement d'adresse", "Déclarer son changement de domicile", "Vous déménagez ? Signalez votre "
            "nouvelle adresse"],
        fr_d=["Vous vous installez à {name} ou vous déménagez dans la commune ? Déclarez votre nouvelle adresse "
              "dans les huit jours ; un agent de quartier passera vérifier votre résidence.",
              "Le changement d'adresse se déclare au service Population dans les 8 jours ouvrables suivant "
              "l'emménagement, au guichet ou en ligne."],
        nl=["Adreswijziging", "Verhuizen: uw nieuw adres aangeven"],
        nl_d=["Verhuist u naar of binnen {name}? Geef uw nieuw adres binnen acht werkdagen aan; de wijkagent komt "
              "uw verblijf controleren."],
        en=["Change of address"], en_d=["Moving to or within {name}? Report your new address within eight days."],
        rate=60, legal=["loi-registres-1991"], events=["demenagement"], stype="Obligation",
        requirements=["nouvelle-adresse"],
        evidence=[("declaration-adresse", "Déclaration de changement d'adresse", "Aangifte van adreswijziging",
                   ["adresse-declaree"], "")],
        outputs=[("inscription-adresse", "Inscription à la nouvelle adresse", "Inschrijving op het nieuwe adres",
                  "decision", "")]),
    "composition-menage": dict(
        fr=["Certificat de composition de ménage", "Composition de ménage", "Obtenir un certificat de "
            "composition de ménage"],
        fr_d=["Ce certificat mentionne les personnes qui vivent sous votre toit selon le registre de la "
              "population de {name}. Il est délivré gratuitement au guichet.",
              "Le certificat de composition de ménage est souvent demandé par le CPAS, la mutuelle ou une "
              "société de logement."],
        nl=["Attest van gezinssamenstelling", "Gezinssamenstelling"],
        nl_d=["Dit attest vermeldt wie volgens het bevolkingsregister van {name} onder uw dak woont."],
        en=["Household composition certificate"], en_d=["A certificate listing the members of your household."],
        rate=70, legal=["loi-registres-1991"], events=["demenagement"], stype="Certificate",
        requirements=["inscrit-registre"],
        outputs=[("certificat-composition", "Certificat de composition de ménage", "Attest van gezinssamenstelling",
                  "document", "composition-menage")]),
    "acte-naissance": dict(
        fr=["Extrait d'acte de naissance", "Copie ou extrait d'acte de naissance", "Acte de naissance"],
        fr_d=["L'état civil de {name} délivre des extraits et copies des actes de naissance dressés dans la "
              "commune.",
              "Un extrait d'acte de naissance est désormais délivré par la BAEC ; le service État civil vous "
              "aide à l'obtenir."],
        nl=["Uittreksel uit de geboorteakte", "Geboorteakte"],
        nl_d=["De burgerlijke stand van {name} levert uittreksels en afschriften van geboorteakten af."],
        en=["Birth certificate"], en_d=["Extracts of birth records drawn up in {name}."],
        rate=15, legal=["code-civil-etat-civil"], events=["naissance"], stype="Certificate",
        requirements=["acte-naissance"],
        outputs=[("extrait-naissance", "Extrait d'acte de naissance", "Uittreksel uit de geboorteakte", "document",
                  "acte-naissance")]),
    "acte-deces": dict(
        fr=["Extrait d'acte de décès", "Acte de décès : copie et extrait", "Obtenir un extrait d'acte de décès"],
        fr_d=["L'état civil de {name} délivre des extraits et copies des actes de décès dressés dans la commune, "
              "notamment pour les héritiers et le notaire.",
              "Les proches peuvent obtenir un extrait de l'acte de décès auprès du service État civil."],
        nl=["Uittreksel uit de overlijdensakte", "Overlijdensakte"],
        nl_d=["De burgerlijke stand van {name} levert uittreksels van overlijdensakten af."],
        en=["Death certificate"], en_d=["Extracts of death records drawn up in {name}."],
        rate=8, legal=["code-civil-etat-civil"], events=["deces"], stype="Certificate",
        requirements=["acte-deces"],
        outputs=[("extrait-deces", "Extrait d'acte de décès", "Uittreksel uit de overlijdensakte", "document",
                  "acte-deces")]),
    "carte-riverain": dict(
        fr=["Carte de stationnement riverain", "Carte riverain", "Demander une carte de riverain"],
        fr_d=["La carte riverain permet aux habitants de {name} de stationner dans leur zone sans limite de temps. "
              "Joignez une copie du certificat d'immatriculation du véhicule.",
              "Vous habitez une zone réglementée ? La carte de riverain vous dispense de la redevance de "
              "stationnement ; elle est liée à la plaque du véhicule."],
        nl=["Bewonerskaart", "Parkeerkaart voor bewoners"],
        nl_d=["Met de bewonerskaart parkeren inwoners van {name} zonder tijdslimiet in hun zone. Voeg een kopie "
              "van het inschrijvingsbewijs van het voertuig toe."],
        en=["Residents' parking card"], en_d=["Residents of {name} park in their zone without time limit."],
        rate=30, legal=["reglement-stationnement-{slug}"], events=["vehicule"], stype="Authorisation",
        requirements=["riverain"],
        evidence=[("copie-immatriculation", "Copie du certificat d'immatriculation du véhicule",
                   "Kopie van het inschrijvingsbewijs van het voertuig", ["immatriculation"],
                   "certificat-immatriculation")],
        outputs=[("carte-riverain", "Carte de riverain", "Bewonerskaart", "permis", "")]),
    "emplacement-pmr": dict(
        fr=["Emplacement de stationnement réservé aux personnes handicapées",
            "Demander un emplacement de parking PMR devant chez soi",
            "Place de stationnement pour personne handicapée près du domicile"],
        fr_d=["Si vous êtes titulaire de la carte de stationnement et ne disposez pas de garage, {name} peut "
              "réserver un emplacement près de votre domicile. Joignez une copie de votre carte.",
              "Le collège communal peut créer un emplacement réservé aux personnes handicapées dans votre rue, "
              "sur présentation de la carte de stationnement fédérale."],
        nl=["Voorbehouden parkeerplaats voor personen met een handicap", "Gehandicaptenparkeerplaats aanvragen"],
        nl_d=["Hebt u een parkeerkaart en geen garage, dan kan {name} een parkeerplaats bij uw woning voorbehouden. "
              "Voeg een kopie van uw parkeerkaart toe."],
        en=["Reserved parking space for disabled persons"], en_d=["A reserved space near your home in {name}."],
        rate=1, legal=["code-route-art27"], events=["handicap"], stype="Authorisation",
        requirements=["emplacement-pmr"],
        evidence=[("copie-carte-pmr", "Copie de la carte de stationnement pour personnes handicapées",
                   "Kopie van de parkeerkaart voor personen met een handicap", ["reconnaissance-handicap"],
                   "carte-stationnement-pmr")],
        outputs=[("emplacement-pmr", "Emplacement réservé", "Voorbehouden parkeerplaats", "permis", "")]),
    "permis-urbanisme": dict(
        fr=["Permis d'urbanisme", "Demande de permis d'urbanisme", "Construire ou transformer : le permis "
            "d'urbanisme"],
        fr_d=["Construire, agrandir, démolir ou changer l'affectation d'un bien nécessite le plus souvent un "
              "permis d'urbanisme délivré par le collège communal de {name}.",
              "Le service Urbanisme vous conseille avant d'introduire votre dossier : plans, formulaire et "
              "notice d'évaluation des incidences."],
        nl=["Stedenbouwkundige vergunning", "Stedenbouwkundige vergunning aanvragen"],
        nl_d=["Voor bouwen, uitbreiden, slopen of een bestemmingswijziging hebt u meestal een stedenbouwkundige "
              "vergunning van het college van {name} nodig."],
        en=["Planning permission"], en_d=["Building or converting in {name} usually requires planning permission."],
        rate=4, legal=["{planning}"], events=["construire"], stype="Authorisation", requirements=["urbanisme"],
        evidence=[("plans", "Plans du projet", "Plannen van het project", [], "")],
        outputs=[("permis-urbanisme", "Permis d'urbanisme", "Stedenbouwkundige vergunning", "permis", "")]),
    "declaration-naissance": dict(
        fr=["Déclaration de naissance", "Déclarer la naissance de votre enfant", "Naissance : déclaration à "
            "l'état civil"],
        fr_d=["La naissance doit être déclarée dans les quinze jours à l'officier de l'état civil de {name}, "
              "souvent directement à la maternité.",
              "Le père, la mère ou la coparente déclare la naissance dans les 15 jours ; l'acte de naissance est "
              "dressé immédiatement."],
        nl=["Aangifte van een geboorte", "Geboorteaangifte"],
        nl_d=["Een geboorte moet binnen vijftien dagen aangegeven worden bij de ambtenaar van de burgerlijke stand "
              "van {name}."],
        en=["Registering a birth"], en_d=["Births must be registered in {name} within fifteen days."],
        rate=12, legal=["code-civil-etat-civil"], events=["naissance"], stype="Obligation",
        requirements=["declaration-naissance"],
        evidence=[("attestation-medicale-naissance", "Attestation médicale de naissance",
                   "Medisch attest van geboorte", [], "")],
        outputs=[("acte-naissance-dresse", "Acte de naissance", "Geboorteakte", "document", "acte-naissance")]),
}
BIRTH_TEMPLATE = dict(
    fr=["Prime de naissance", "Prime communale de naissance", "Prime à la naissance ou à l'adoption"],
    fr_d=["{name} offre une prime à la naissance ou à l'adoption de chaque enfant domicilié dans la commune. "
          "Introduisez la demande dans les six mois.",
          "Pour accueillir les nouveaux petits habitants, la commune verse une prime de naissance aux parents "
          "domiciliés sur son territoire."],
    nl=["Geboortepremie", "Gemeentelijke geboortepremie"],
    nl_d=["{name} geeft een premie bij de geboorte of adoptie van elk kind dat in de gemeente woont."],
    en=["Birth premium"], en_d=["{name} pays a premium for every child born to or adopted by its residents."],
    rate=9, legal=[], events=["naissance"], stype="Entitlement", mode="OnRequest",
    requirements=["prime-naissance-communale"],
    outputs=[("prime-naissance", "Prime de naissance", "Geboortepremie", "paiement", "")])


def pick(options: list[str], index: int) -> str:
    return options[index % len(options)]


def municipal_services() -> None:
    """Every municipality's catalogue: the same counter services for its own territory, worded its way."""
    for index, (slug, (fr_name, nl_name, region, _)) in enumerate(MUNICIPALITIES.items()):
        name_fr = fr_name.split(" ", 2)[-1] if fr_name.startswith(("Ville de ", "Commune de ")) else \
            fr_name.replace("Ville d'", "").replace("Commune d'", "")
        name_nl = nl_name.replace("Gemeente ", "") if nl_name else ""
        templates = dict(TEMPLATES)
        if slug in BIRTH_PREMIUM:
            templates["prime-naissance"] = BIRTH_TEMPLATE
        for number, (key, t) in enumerate(templates.items()):
            variant = index + number
            title = {"fr": pick(t["fr"], variant)}
            description = {"fr": pick(t["fr_d"], variant).format(name=name_fr)}
            if nl_name:
                title["nl"] = pick(t["nl"], variant)
                description["nl"] = pick(t["nl_d"], variant).format(name=name_nl)
            if slug in ENGLISH:
                title["en"] = pick(t["en"], variant)
                description["en"] = pick(t["en_d"], variant).format(name=name_fr)
            planning = "codt" if region == "BE3" else "cobat"
            legal = [law.format(slug=slug, planning=planning) for law in t["legal"]]
            service(f"{slug}/{key}", slug, slug, title, description, legal=legal, events=t["events"],
                    channels=["guichet", "en-ligne"] if variant % 3 == 0 else ["guichet"],
                    evidence=[(f"{slug}-{e[0]}", e[1], e[2] if nl_name else "", e[3], e[4])
                              for e in t.get("evidence", [])],
                    outputs=[(f"{slug}-{o[0]}", o[1], o[2] if nl_name else "", o[3], o[4]) for o in t["outputs"]],
                    stype=t["stype"], mode=t.get("mode", ""), cases=t["rate"] * POPULATION[slug],
                    requirements=t["requirements"])


municipal_services()


# ------------------------------------------------------------------------------------------------
# Writing
# ------------------------------------------------------------------------------------------------

def ref(prefix: str, slug: str) -> str:
    return f"<{BASE}{prefix}/{slug}>" if "/" in slug else f"{prefix}:{slug}"


def names(fr: str, nl: str, predicate: str = "skos:prefLabel") -> str:
    return texts(predicate, {"fr": fr, "nl": nl})


def enterprise_number(digits: str) -> str:
    """A ten-digit enterprise number whose last two digits are its modulo-97 check (illustrative numbers)."""
    base = int(digits[:8])
    return f"{digits[:8]}{97 - base % 97:02d}"


def authority_block(slug: str) -> str:
    if slug in MUNICIPALITIES:
        fr, nl, region, kbo = MUNICIPALITIES[slug]
        lines = [names(fr, nl), f'    dct:identifier "{enterprise_number(kbo)}"', f"    dct:spatial {territory(slug)}"]
    else:
        fr, nl, _, parent, spatial, _ = AUTHORITIES[slug]
        lines = [names(fr, nl), f"    dct:spatial {territory(spatial)}",
                 f"    org:subOrganizationOf authority:{parent}" if parent else ""]
    channels = [block(f"channel:{slug}-{key}", "cv:Channel", [
        names(f"{fr_word} – {fr}", f"{nl_word} – {nl}" if nl else "", "dct:title"), f"    dct:type eag:{kind}"])
        for key, fr_word, nl_word, kind in (("guichet", "Guichet", "Loket", "Counter"),
                                            ("en-ligne", "En ligne", "Online", "Online"))]
    return block(f"authority:{slug}", "cv:PublicOrganisation", lines) + "\n" + "\n".join(channels)


def catalogue_service(s: dict) -> str:
    iri = ref("service", s["slug"])
    lines = [texts("dct:title", s["title"]), texts("dct:description", s["description"]),
             f'    dct:identifier "{s["slug"].upper().replace("/", "-")}"',
             f"    cv:hasCompetentAuthority authority:{s['authority']}",
             f"    dct:spatial {territory(s['spatial'])}",
             objects("cv:hasChannel", [f"channel:{s['authority']}-{c}" for c in s["channels"]]),
             objects("cv:isGroupedBy", [f"event:{e}" for e in s["events"]]),
             objects("cv:hasLegalResource", [f"legal:{r}" for r in s["legal"]]),
             objects("cpsv:hasInput", [f"evidence:{e[0]}" for e in s["evidence"]]),
             objects("cpsv:produces", [f"output:{o[0]}" for o in s["outputs"]])]
    out = [block(iri, "cpsv:PublicService", lines)]
    for slug, fr, nl, *_ in s["evidence"]:
        out.append(block(f"evidence:{slug}", "cv:Evidence", [names(fr, nl, "dct:title")]))
    for slug, fr, nl, kind, _ in s["outputs"]:
        out.append(block(f"output:{slug}", "cv:Output", [names(fr, nl, "dct:title"),
                                                         f"    dct:type <{BASE}output-type/{kind}>"]))
    return "\n".join(out)


def enrichment_service(s: dict) -> str:
    lines = [f"    dct:type eag:{s['stype']}", f"    eag:grantingMode eag:{s['mode']}" if s["mode"] else "",
             f"    eag:annualCases {s['cases']}" if s["cases"] else "",
             objects("cv:holdsRequirement", [f"requirement:{r}" for r in s["requirements"]])]
    out = [block(ref("service", s["slug"]), "cpsv:PublicService", lines)]
    for slug, _, _, concepts, evidence_type in s["evidence"]:
        if concepts or evidence_type:
            out.append(block(f"evidence:{slug}", "cv:Evidence", [
                objects("cv:supportsConcept", [f"concept:{c}" for c in concepts]),
                f"    dct:conformsTo evidencetype:{evidence_type}" if evidence_type else ""]))
    for slug, _, _, _, usable in s["outputs"]:
        if usable:
            out.append(block(f"output:{slug}", "cv:Output", [f"    eag:usableAs evidencetype:{usable}"]))
    return "\n".join(out)


def write(path: Path, comment: str, parts: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    header = "".join(f"# {line}\n" for line in comment.splitlines())
    path.write_text(header + "\n" + PREFIXES + "\n".join(parts), encoding="utf-8")


def catalogue_files(root: Path = HERE) -> None:
    files: dict[str, list[str]] = {}
    for slug in MUNICIPALITIES:
        files.setdefault(f"communes/{slug}", []).append(authority_block(slug))
    for slug, (_, _, _, _, _, group) in AUTHORITIES.items():
        files.setdefault(f"{group}/{slug}" if group != "cpas" else f"communes/{slug}", []).append(authority_block(slug))
    for s in SERVICES:
        group = AUTHORITIES[s["authority"]][5] if s["authority"] in AUTHORITIES else "communes"
        files[f"{'communes' if group == 'cpas' else group}/{s['authority']}"].append(catalogue_service(s))
    for name, parts in files.items():
        write(root / "catalogue" / f"{name}.ttl", f"Public service catalogue of {name.split('/')[-1]} (CPSV-AP 3.2 "
              "terms only), as the authority publishes it.", parts)
    # Shared public reference data: territories, life events, legislation.
    parts = [block(f"nuts:{code}", "dct:Location , skos:Concept", [names(fr, nl), f'    skos:notation "{code}"',
                                                                    "" if code == "BE" else "    skos:broader nuts:BE"])
             for code, (fr, nl) in REGIONS.items()]
    parts += [block(f"territory:{slug}", "dct:Location , skos:Concept",
                    [names(fr.replace("Ville de ", "").replace("Ville d'", "").replace("Commune de ", "")
                           .replace("Commune d'", ""), nl.replace("Gemeente ", "")),
                     f"    skos:broader nuts:{region}"])
              for slug, (fr, nl, region, _) in MUNICIPALITIES.items()]
    write(root / "catalogue" / "territories.ttl", "Territories: NUTS regions and the municipalities within them "
          "(skos:broader).", parts)
    write(root / "catalogue" / "life-events.ttl", "Life events the catalogues group services by.",
          [block(f"event:{slug}", "cv:LifeEvent", [names(fr, nl, "dct:title")]) for slug, (fr, nl) in EVENTS.items()])
    parts = [block(f"legal:{slug}", "eli:LegalResource", [names(fr, nl, "dct:title"),
                                                          objects("eli:changes", [f"legal:{c}" for c in
                                                                                  CHANGES.get(slug, [])])])
             for slug, (fr, nl) in REGULATIONS.items()]
    write(root / "catalogue" / "legislation.ttl", "Legislation the catalogues cite (ELI).", parts)


def enrichment_files(root: Path = HERE) -> None:
    write(root / "enrichment" / "services.ttl", "eagraph enrichment of the catalogued services: service type, "
          "granting mode, yearly cases,\nrequirements, and what their evidence supports and their outputs are "
          "usable as.", [enrichment_service(s) for s in SERVICES])
    levels = [block(f"authority:{slug}", "cv:PublicOrganisation", ["    eag:governmentLevel eag:Local"])
              for slug in MUNICIPALITIES]
    levels += [block(f"authority:{slug}", "cv:PublicOrganisation", [f"    eag:governmentLevel eag:{level}"])
               for slug, (_, _, level, _, _, _) in AUTHORITIES.items()]
    write(root / "enrichment" / "authorities.ttl", "Government level of each authority.", levels)
    parts = [block(f"requirement:{slug}", "cv:Requirement", [names(fr, nl, "dct:title"),
                                                             objects("cv:hasConcept", [f"concept:{c}" for c in cs])])
             for slug, (fr, nl, cs) in REQUIREMENTS.items()]
    write(root / "enrichment" / "requirements.ttl", "Requirements of the services and the information concepts "
          "they check.", parts)
    parts = []
    for slug, (fr, nl, sources, definition, regulation) in CONCEPTS.items():
        lines = [names(fr, nl), objects("authsrc:hasSource", [f"source:{s}" for s in sources])]
        if definition:
            lines.append(texts("skos:definition", {"fr": definition[0], "nl": definition[1]}))
            lines.append(f"    eag:definedIn legal:{regulation}")
        parts.append(block(f"concept:{slug}", "cv:InformationConcept", lines))
    write(root / "enrichment" / "concepts.ttl", "Information concepts: where they are available, and how "
          "regulations define them.", parts)
    parts = []
    for slug, (fr, nl, publisher, authoritative, agreements) in SOURCES.items():
        parts.append(block(f"source:{slug}", "authsrc:DataSource", [
            names(fr, nl, "dct:title"), f"    dct:publisher authority:{publisher}",
            f"    authsrc:isAuthoritative {'true' if authoritative else 'false'}",
            objects("authsrc:hasAgreement", [f"agreement:{a}" for a in agreements])]))
        for agreement, consumers in agreements.items():
            parts.append(block(f"agreement:{agreement}", "authsrc:Agreement", [
                names(f"Autorisation d'accès {agreement}", "", "dct:title"),
                objects("authsrc:hasConsumer", [f"authority:{c}" for c in consumers])]))
    write(root / "enrichment" / "sources.ttl", "Authentic sources and the agreements to consult them.", parts)
    write(root / "enrichment" / "evidence-types.ttl", "Evidence types: what a piece of evidence or an output is.",
          [block(f"evidencetype:{slug}", "cv:EvidenceType", [names(fr, nl, "dct:title")])
           for slug, (fr, nl) in EVIDENCE_TYPES.items()])
    parts = [block(f"capability:{slug}", "eag:Capability", [
        names(fr, "", "skos:prefLabel"), f"    skos:broader capability:{broader}" if broader else ""])
        for slug, (fr, broader) in CAPABILITIES.items()]
    parts += [block(f"application:{slug}", "eag:ApplicationComponent", [
        names(title, "", "dct:title"), f"    eag:ownedBy authority:{owner}",
        objects("eag:supportsCapability", [f"capability:{c}" for c in caps])])
        for slug, (title, owner, caps) in APPLICATIONS.items()]
    write(root / "enrichment" / "applications.ttl", "Applications, their owners and the capabilities they "
          "support.", parts)


if __name__ == "__main__":
    import sys

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    catalogue_files(target)
    enrichment_files(target)
    print(f"{len(SERVICES)} services written under {target}")
