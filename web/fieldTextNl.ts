/**
 * Dutch texts of the scenario parameters for the Research form: the schema's English descriptions
 * and units (sim/scenario/schema.ts, the one place they are written) mapped to Dutch. A text
 * without an entry is shown in English; test/unit/fieldTextNl.test.ts lists any the library uses.
 */
import { SEEDS, SOURCES } from '../sim/scenario/sources.ts';

export const DESCRIPTION_NL: Readonly<Record<string, string>> = {
  'short name': 'korte naam',
  'title, a few words': 'titel, in een paar woorden',
  'the one-sentence question this scenario asks': 'de vraag die dit scenario stelt, in één zin',
  'what the scenario shows, in one line': 'wat het scenario laat zien, in één regel',
  'random seed': 'startgetal van het toeval (seed)',
  'population size': 'omvang van de populatie',
  'run length': 'duur van de run',
  'region name': 'naam van de regio',
  'share of the agents living here': 'aandeel van de personen dat hier woont',
  'a big city (true) or a rural region (false)': 'een grote stad (true) of een landelijke regio (false)',
  'agents per neighbourhood': 'personen per buurt',
  'multiplier on micro and meso trigger rates in this area':
    'factor op de frequentie van micro- en mesotriggers in dit gebied',
  'lowest age in the band': 'laagste leeftijd in de groep',
  'first age past the band': 'eerste leeftijd na de groep',
  'share of the population in this band': 'aandeel van de populatie in deze leeftijdsgroep',
  'share of men': 'aandeel mannen',
  'share of education levels': 'aandeel per opleidingsniveau',
  'relative weight of this household size (1, 2, 3, ... people)':
    'relatief gewicht van deze huishoudgrootte (1, 2, 3, ... personen)',
  'share of ideological leanings': 'aandeel per ideologische neiging',
  'share of the population with this condition': 'aandeel van de populatie met deze aandoening',
  'prevalence in men divided by prevalence in women': 'prevalentie bij mannen gedeeld door die bij vrouwen',
  'mean severity among those who have it': 'gemiddelde ernst bij wie het heeft',
  'standard deviation of severity among those who have it': 'standaardafwijking van de ernst bij wie het heeft',
  'mean protective factor': 'gemiddelde beschermende factor',
  'standard deviation of protective factor': 'standaardafwijking van de beschermende factor',
  'mean baseline unmet need': 'gemiddelde onvervulde basisbehoefte',
  'standard deviation of baseline unmet need': 'standaardafwijking van de onvervulde basisbehoefte',
  'added to the identity-need mean below age 18':
    'opgeteld bij het gemiddelde van de identiteitsbehoefte onder 18 jaar',
  'added to the sensation-need mean of men aged 15-29':
    'opgeteld bij het gemiddelde van de sensatiebehoefte van mannen van 15-29',
  'mean initial attitude strength toward the leaning ideology':
    'gemiddelde beginsterkte van de houding tegenover de eigen ideologie',
  'standard deviation of initial attitude strength toward the leaning ideology':
    'standaardafwijking van de beginsterkte van de houding tegenover de eigen ideologie',
  'mean opinion uncertainty (relative agreement)': 'gemiddelde onzekerheid van de mening (relative agreement)',
  'sd of uncertainty': 'standaardafwijking van de onzekerheid',
  'mean online exposure': 'gemiddelde online blootstelling',
  'sd of online exposure': 'standaardafwijking van de online blootstelling',
  'added below age 25': 'opgeteld onder 25 jaar',
  'mean weekly contact intensity with professionals of this domain':
    'gemiddelde wekelijkse contactintensiteit met professionals van dit domein',
  'share starting in phase 1 (sensitivity)': 'aandeel dat begint in fase 1 (gevoeligheid)',
  'mean peer ties (school or work)': 'gemiddeld aantal banden met leeftijdgenoten (school of werk)',
  'pupils per school (ages 12-17)': 'leerlingen per school (12-17 jaar)',
  'people per workplace or college': 'personen per werkplek of opleiding',
  'share of adults below 67 in work or study': 'aandeel volwassenen onder 67 met werk of studie',
  'mean neighbourhood ties': 'gemiddeld aantal banden in de buurt',
  'mean online ties of an agent with average exposure': 'gemiddeld aantal online banden bij gemiddelde blootstelling',
  'chance that the partner of an online tie is drawn from the whole population rather than the own region (so the share crossing regions is lower)':
    'kans dat de partner van een online band uit de hele populatie komt in plaats van uit de eigen regio (het aandeel over regiogrenzen is dus lager)',
  'relative chance that a weekly contact uses a tie of this layer':
    'relatieve kans dat een wekelijks contact via een band van deze laag loopt',
  'half-life of the grievance climate': 'halveringstijd van het klimaat van onvrede',
  'half-life of perceived threat': 'halveringstijd van de ervaren dreiging',
  'half-life of ideology salience': 'halveringstijd van de saillantie van de ideologie',
  'rise of the grievance climate per unit strength': 'stijging van het klimaat van onvrede per eenheid sterkte',
  'rise of perceived threat per unit strength': 'stijging van de ervaren dreiging per eenheid sterkte',
  'rise of this ideology’s salience per unit strength':
    'stijging van de saillantie van deze ideologie per eenheid sterkte',
  'week the event happens (1 = the first week run)':
    'week waarin de gebeurtenis plaatsvindt (1 = de eerste week van de run)',
  'a key of macro.types': 'een sleutel van macro.types',
  'strength of the event: multiplies the rises of its type':
    'sterkte van de gebeurtenis: vermenigvuldigt de stijgingen van het type',
  'expected events per year': 'verwacht aantal gebeurtenissen per jaar',
  'strength of each event: multiplies the rises of its type':
    'sterkte van elke gebeurtenis: vermenigvuldigt de stijgingen van het type',
  'whose salience an incident of this ideology raises (reciprocal radicalisation)':
    'welke ideologie saillanter wordt door een incident van deze ideologie (wederzijdse radicalisering)',
  'share of an incident’s salience rise that goes to the opposing ideology':
    'deel van de stijging in saillantie door een incident dat naar de tegenovergestelde ideologie gaat',
  'rise of the justice need per unit rise of grievance, before susceptibility':
    'stijging van de rechtvaardigheidsbehoefte per eenheid stijging van onvrede, vóór vatbaarheid',
  'rise of the identity need per unit rise of threat':
    'stijging van de identiteitsbehoefte per eenheid stijging van dreiging',
  'rise of attitude per unit rise of own-leaning salience':
    'stijging van de houding per eenheid stijging van de saillantie van de eigen ideologie',
  'half-life of the recent-trigger load that hazards read':
    'halveringstijd van de recente triggerlast die de overgangskansen gebruiken',
  identifier: 'identificatie',
  'what happens': 'wat er gebeurt',
  level: 'niveau',
  direction: 'richting',
  'base rate per person per year; for appliesTo "released", the weekly rate in the week after release (1 gives a 63% chance)':
    'basisfrequentie per persoon per jaar; bij appliesTo "released" de wekelijkse frequentie in de week na vrijlating (1 geeft 63% kans)',
  'impact before susceptibility': 'impact vóór vatbaarheid',
  'who can meet it: everyone; people in phase 1-3; group members; rate scaled by ties to group members; rate scaled by online exposure; people just released from detention; people labelled by the practice pipeline (rate scaled by how much of the stigma the process lets land)':
    'wie ermee te maken kan krijgen: iedereen; mensen in fase 1-3; groepsleden; frequentie naar banden met groepsleden; frequentie naar online blootstelling; mensen die net vrij zijn uit detentie; mensen die door de praktijk een label kregen (frequentie naar hoeveel stigma het proces laat landen)',
  'rate multiplier': 'factor op de frequentie',
  'rate multiplier for men': 'factor op de frequentie voor mannen',
  'change of this unmet need per unit impact': 'verandering van deze onvervulde behoefte per eenheid impact',
  'change of this protective factor per unit impact': 'verandering van deze beschermende factor per eenheid impact',
  'change of attitude strength per unit impact': 'verandering van de sterkte van de houding per eenheid impact',
  'change of group identification per unit impact': 'verandering van de groepsidentificatie per eenheid impact',
  'multiplier of a trigger of this level for people with this dominant motive':
    'factor op een trigger van dit niveau voor mensen met dit overheersende motief',
  'impact multiplier for this age band': 'factor op de impact voor deze leeftijdsgroep',
  'impact multiplier for men': 'factor op de impact voor mannen',
  'impact multiplier': 'factor op de impact',
  'added to the impact multiplier per unit severity': 'opgeteld bij de factor op de impact per eenheid ernst',
  'share of impact absorbed at full protection': 'deel van de impact dat bij volledige bescherming wordt opgevangen',
  'influence meetings per agent per week': 'beïnvloedende ontmoetingen per persoon per week',
  'convergence rate of relative agreement': 'convergentiesnelheid van relative agreement',
  'multiplier of mu for group followers meeting members': 'factor op mu voor volgers die groepsleden ontmoeten',
  'multiplier of mu for group leaders meeting members': 'factor op mu voor leiders die groepsleden ontmoeten',
  'attitude below which a contact of another leaning counts as mainstream':
    'houding waaronder een contact met een andere neiging als gematigd telt',
  'weekly chance that a fully online person of this leaning meets this ideology’s high-reach sources':
    'wekelijkse kans dat een volledig online persoon met deze neiging de bronnen met groot bereik van deze ideologie tegenkomt',
  'algorithmic amplification multiplier on reach (moderation lowers it)':
    'factor op het bereik door algoritmische versterking (moderatie verlaagt hem)',
  'attitude of the sources': 'houding van de bronnen',
  'uncertainty of the sources (confident extremists are low)':
    'onzekerheid van de bronnen (zelfverzekerde extremisten: laag)',
  'weekly growth of group identification toward 1 among members':
    'wekelijkse groei van de groepsidentificatie richting 1 bij leden',
  'weekly share of the gap to baseline that closes': 'deel van het verschil met de basiswaarde dat per week sluit',
  'share of this need met by full identification with a group':
    'deel van deze behoefte dat volledige identificatie met een groep vervult',
  'largest group size': 'grootste groepsomvang',
  'chance, at online exposure 0.5 and in proportion to exposure, that a new member without a tie to a group joins the largest online group of the leaning rather than founding one':
    'kans, bij online blootstelling 0,5 en evenredig met de blootstelling, dat een nieuw lid zonder band met een groep zich bij de grootste online groep van de neiging aansluit in plaats van er een op te richten',
  'weight of narcissistic traits in the leadership score': 'gewicht van narcistische trekken in de leiderschapsscore',
  'weight of the sensation need': 'gewicht van de sensatiebehoefte',
  'weight of attitude strength': 'gewicht van de sterkte van de houding',
  'chance that a group survives the loss of its leader by choosing a new one':
    'kans dat een groep het verlies van de leider overleeft door een nieuwe te kiezen',
  'a newcomer takes the lead when their leadership score exceeds the leader’s by this factor':
    'een nieuwkomer neemt de leiding als de leiderschapsscore die van de leider met deze factor overtreft',
  'share of attitude strength members lose when their group breaks up':
    'deel van de sterkte van de houding dat leden verliezen als hun groep uiteenvalt',
  'a constant of the hazard formulas: per week when it scales a hazard, dimensionless otherwise (an amplification, a share)':
    'een constante van de hazardformules: per week als hij een overgangskans schaalt, anders dimensieloos (een versterking, een aandeel)',
  'weekly hazard of each transition, a formula over agent variables':
    'wekelijkse overgangskans van elke overgang, een formule over kenmerken van de persoon',
  'weekly incident probability at full violence willingness':
    'wekelijkse kans op een incident bij volledige geweldsbereidheid',
  'weekly growth of violence willingness toward 1 in the action phase':
    'wekelijkse groei van de geweldsbereidheid richting 1 in de actiefase',
  'weekly decay of violence willingness outside the action phase':
    'wekelijkse afname van de geweldsbereidheid buiten de actiefase',
  'macro strength of an incident rate of one per 100,000 people, so the climate depends on the rate, not the model size':
    'macrosterkte bij één incident per 100.000 personen, zodat het klimaat van de frequentie afhangt en niet van de omvang van het model',
  'the macro type an incident fires (a key of macro.types)':
    'het macrotype dat een incident afvuurt (een sleutel van macro.types)',
  'chance that the perpetrator is arrested': 'kans dat de dader wordt aangehouden',
  'weeks of detention after arrest (at most 5,200, the longest run)':
    'weken detentie na aanhouding (hoogstens 5.200, de langste run)',
  'chance that a group breaks up when its leader is arrested, before succession':
    'kans dat een groep uiteenvalt als de leider wordt aangehouden, vóór opvolging',
  'weekly chance that a professional of this domain notices a signal, at full contact and full visibility':
    'wekelijkse kans dat een professional van dit domein een signaal opmerkt, bij volledig contact en volledige zichtbaarheid',
  visibility: 'zichtbaarheid',
  'weight of ADHD severity in confused behaviour': 'gewicht van de ernst van ADHD in verward gedrag',
  'weight of autism severity in confused behaviour': 'gewicht van de ernst van autisme in verward gedrag',
  'weight of psychosis severity in confused behaviour': 'gewicht van de ernst van psychose in verward gedrag',
  'visibility of fully confused behaviour, relative to radicalisation (false signals)':
    'zichtbaarheid van volledig verward gedrag, ten opzichte van radicalisering (valse signalen)',
  'how well professionals recognise this ideology (1 = as well as the best)':
    'hoe goed professionals deze ideologie herkennen (1 = even goed als de best herkende)',
  'how well radicalisation of women is recognised relative to men':
    'hoe goed radicalisering van vrouwen wordt herkend ten opzichte van mannen',
  'training of professionals: raises the signal rate by up to trainingGain':
    'training van professionals: verhoogt de signaalfrequentie met hoogstens trainingGain',
  'signal rate multiplier gained at full training, minus one':
    'factor op de signaalfrequentie bij volledige training, min één',
  'training against recognition bias: closes this share of the gap in recognition by ideology and sex':
    'training tegen vooroordelen bij herkenning: sluit dit deel van het verschil in herkenning naar ideologie en geslacht',
  'weeks after a signal before the same person can be signalled again':
    'weken na een signaal voordat dezelfde persoon opnieuw kan worden gesignaleerd',
  'signals the triage team can weigh per week per 100,000 people':
    'signalen die de weegploeg per week per 100.000 personen kan wegen',
  'information sharing between care, social and security domains':
    'informatie-uitwisseling tussen zorg, sociaal domein en veiligheid',
  'use of a standardised risk assessment (objective criteria)':
    'gebruik van een gestandaardiseerde risicotaxatie (objectieve criteria)',
  'chance that a radicalising person is included without sharing or assessment':
    'kans dat een radicaliserend persoon wordt opgenomen zonder informatiedeling of taxatie',
  'added at full information sharing': 'opgeteld bij volledige informatie-uitwisseling',
  'added with a standardised assessment': 'opgeteld bij een gestandaardiseerde taxatie',
  'chance that a non-radicalising person is included without sharing or assessment':
    'kans dat een niet-radicaliserend persoon wordt opgenomen zonder informatiedeling of taxatie',
  'share of false inclusions avoided at full information sharing':
    'deel van de onterechte opnames dat bij volledige informatie-uitwisseling wordt voorkomen',
  'share of false inclusions avoided with a standardised assessment':
    'deel van de onterechte opnames dat met een gestandaardiseerde taxatie wordt voorkomen',
  'professional hours to weigh one signal': 'professionele uren om één signaal te wegen',
  'concurrent PGA cases per 100,000 people': 'gelijktijdige PGA-casussen per 100.000 personen',
  'length of a case plan': 'duur van een casusplan',
  'follow-up after the case plan: a new signal in this time goes straight back into the PGA':
    'nazorg na het casusplan: een nieuw signaal in deze tijd gaat direct terug naar de PGA',
  '1 = case plans tailored to phase, needs and pathology; 0 = one size fits all':
    '1 = casusplannen op maat van fase, behoeften en pathologie; 0 = voor iedereen hetzelfde',
  'weekly intensity of this working element in a one-size-fits-all case plan':
    'wekelijkse intensiteit van dit werkzame element in een casusplan dat voor iedereen hetzelfde is',
  'professional hours per case per week': 'professionele uren per casus per week',
  'transparency of the process toward the person and their community':
    'transparantie van het proces naar de persoon en de gemeenschap',
  'rise of the justice-need baseline on being labelled, at zero transparency':
    'stijging van de basis van de rechtvaardigheidsbehoefte door een label, zonder transparantie',
  'loss of institutional trust on being labelled, at zero transparency':
    'verlies van vertrouwen in instituties door een label, zonder transparantie',
  'share of that harm avoided at full transparency':
    'deel van die schade dat bij volledige transparantie wordt voorkomen',
  'chance of accepting an offer at average trust, no stigma, no delivery qualities':
    'kans dat een aanbod wordt aanvaard bij gemiddeld vertrouwen, zonder stigma en zonder bijzondere uitvoering',
  'added per unit of institutional trust above 0.5': 'opgeteld per eenheid vertrouwen in instituties boven 0,5',
  'added at full community messengers': 'opgeteld bij volledige inzet van sleutelfiguren',
  'added at full cultural responsiveness': 'opgeteld bij volledige cultuursensitiviteit',
  'added at full transparency': 'opgeteld bij volledige transparantie',
  'lost by a labelled person (less with transparency)':
    'verloren door een persoon met een label (minder bij transparantie)',
  'weekly drop-out chance at average trust': 'wekelijkse kans op uitval bij gemiddeld vertrouwen',
  'added per unit of trust below 0.5': 'opgeteld per eenheid vertrouwen onder 0,5',
  'added per unit of resistance': 'opgeteld per eenheid weerstand',
  'share of drop-out avoided at full transparency':
    'deel van de uitval dat bij volledige transparantie wordt voorkomen',
  'weekly share of the gap between the current effect and the intensity that closes while taking part':
    'deel van het verschil tussen het huidige effect en de intensiteit dat per week sluit tijdens deelname',
  'participation below this leaves no lasting change': 'deelname korter dan dit laat geen blijvende verandering na',
  'participation from this long keeps all of the effect': 'deelname vanaf deze duur behoudt het hele effect',
  'half-life of the effect not kept, after the end': 'halveringstijd van het niet behouden effect, na afloop',
  resistance: 'weerstand',
  'added per unit of group identification': 'opgeteld per eenheid groepsidentificatie',
  'extra effect per additional factor group addressed (needs, pathology and resilience, ideology and behaviour)':
    'extra effect per extra aangepakte factorgroep (behoeften, pathologie en weerbaarheid, ideologie en gedrag)',
  'extra effect for people with trauma at full trauma sensitivity':
    'extra effect voor mensen met trauma bij volledige traumasensitiviteit',
  'critical thinking raised per unit effect level': 'kritisch denken verhoogd per eenheid effectniveau',
  'attitude lowered (resisted) per unit effect level': 'houding verlaagd (tegengegaan) per eenheid effectniveau',
  'resilience raised per unit effect level': 'weerbaarheid verhoogd per eenheid effectniveau',
  'emotion regulation raised per unit effect level': 'emotieregulatie verhoogd per eenheid effectniveau',
  'social bonds raised per unit effect level': 'sociale binding verhoogd per eenheid effectniveau',
  'meaning need lowered per unit effect level': 'zingevingsbehoefte verlaagd per eenheid effectniveau',
  'identity need lowered per unit effect level': 'identiteitsbehoefte verlaagd per eenheid effectniveau',
  'violence willingness lowered (resisted) per unit effect level':
    'geweldsbereidheid verlaagd (tegengegaan) per eenheid effectniveau',
  'group identification lowered (resisted) per unit effect level':
    'groepsidentificatie verlaagd (tegengegaan) per eenheid effectniveau',
  'civic competence raised per unit effect level': 'democratische vaardigheden verhoogd per eenheid effectniveau',
  'institutional trust raised per unit effect level': 'vertrouwen in instituties verhoogd per eenheid effectniveau',
  'justice need lowered per unit effect level': 'rechtvaardigheidsbehoefte verlaagd per eenheid effectniveau',
  'share of pathology severity treated (ADHD, psychosis, depression, trauma) per unit effect level':
    'deel van de ernst van de pathologie dat wordt behandeld (ADHD, psychose, depressie, trauma) per eenheid effectniveau',
  'what it is': 'wat het is',
  'universal: everyone eligible by age and region; targeted: PGA cases (their case plan); indicated: people in the given phases':
    'universeel: iedereen die naar leeftijd en regio in aanmerking komt; gericht: PGA-casussen (hun casusplan); geïndiceerd: mensen in de genoemde fasen',
  'youngest age reached': 'jongste bereikte leeftijd',
  'first age no longer reached': 'eerste leeftijd die niet meer wordt bereikt',
  'first week the programme runs': 'eerste week van het programma',
  'last week new participants start': 'laatste week waarin nieuwe deelnemers beginnen',
  'weeks a participant takes part': 'weken dat een deelnemer meedoet',
  'share of eligible people offered the programme':
    'deel van de mensen die in aanmerking komen dat het programma krijgt aangeboden',
  'concurrent participants per 100,000 people (0 = unlimited)':
    'gelijktijdige deelnemers per 100.000 personen (0 = onbeperkt)',
  'weekly intensity of this working element': 'wekelijkse intensiteit van dit werkzame element',
  'system approach: share of the effect that also reaches household members':
    'systeemaanpak: deel van het effect dat ook huisgenoten bereikt',
  'people from the community deliver or introduce it (trust, uptake)':
    'mensen uit de gemeenschap voeren het uit of introduceren het (vertrouwen, bereik)',
  'transparency toward participants and community': 'transparantie naar deelnemers en gemeenschap',
  'cultural responsiveness': 'cultuursensitiviteit',
  'trauma and context sensitivity': 'trauma- en contextsensitiviteit',
  'professional hours per participant per week': 'professionele uren per deelnemer per week',
  'pathology moderates trigger impact and hazards':
    'pathologie beïnvloedt de impact van triggers en de overgangskansen',
  'unmet needs exist and drive hazards': 'onvervulde behoeften bestaan en sturen de overgangskansen',
  'micro triggers': 'microtriggers',
  'meso triggers': 'mesotriggers',
  'macro triggers': 'macrotriggers',
  'social influence': 'sociale invloed',
  groups: 'groepen',
  'number of agents, drawn at random, whose route is recorded':
    'aantal willekeurig gekozen personen van wie de route wordt vastgelegd',
  'a phase reached by an indicated programme': 'een fase die een geïndiceerd programma bereikt',
  'id of an agent whose route is recorded': 'id van een persoon van wie de route wordt vastgelegd',
  'agent ids whose route is recorded': 'ids van personen van wie de route wordt vastgelegd',
};

export const UNIT_NL: Readonly<Record<string, string>> = {
  '0..1': '0..1',
  integer: 'geheel getal',
  agents: 'personen',
  weeks: 'weken',
  ratio: 'verhouding',
  years: 'jaar',
  weight: 'gewicht',
  'sd (scale of the mean)': 'sd (schaal van het gemiddelde)',
  'opinion units': 'meningseenheden',
  ties: 'banden',
  'relative weight': 'relatief gewicht',
  'field units per unit strength': 'veldeenheden per eenheid sterkte',
  week: 'week',
  strength: 'sterkte',
  '1/year': '1/jaar',
  'per field unit': 'per veldeenheid',
  impact: 'impact',
  'change per unit impact': 'verandering per eenheid impact',
  multiplier: 'factor',
  'multiplier added per unit severity': 'factor erbij per eenheid ernst',
  '1/week': '1/week',
  'per week (scales) or dimensionless': 'per week (schalend) of dimensieloos',
  'macro strength': 'macrosterkte',
  count: 'aantal',
  'weight per unit severity': 'gewicht per eenheid ernst',
  hours: 'uren',
  cases: 'casussen',
  'chance added': 'kans erbij',
  'weekly chance added': 'wekelijkse kans erbij',
  'share of extra effect': 'deel extra effect',
  'per unit effect level': 'per eenheid effectniveau',
  participants: 'deelnemers',
  'phase (0..3)': 'fase (0..3)',
  weights: 'gewichten',
  'agent id': 'persoons-id',
};

const S003 = SEEDS.wodc2025;
const S002 = SEEDS.triggers2015;
const S004 = SEEDS.detection2024;
const S001 = SEEDS.memo2025;

/** The sources of sim/scenario/sources.ts in Dutch, by the same path prefix. */
const SOURCE_NL_BY_PREFIX: Readonly<Record<string, string>> = {
  name: 'scenariotekst (geen modelparameter)',
  title: 'scenariotekst (geen modelparameter)',
  question: 'scenariotekst (geen modelparameter)',
  description: 'scenariotekst (geen modelparameter)',
  seed: 'aanname: elke seed; herhalingen gebruiken seeds die ervan zijn afgeleid',
  agents:
    'aanname: groot genoeg voor enkele tientallen instromers in de actiefase, klein genoeg om in seconden te draaien',
  weeks: 'aanname: lang genoeg voor routes met terugval en voor de levensloop van groepen',
  regions: `verschil stad/regio: ${S003}, ${S004}, MODEL.md 3; aandelen, omvang en factoren: aanname`,
  'regions[].practice': `${S003} (minder kennis en ervaring in de regio's), ${S004} (beperkte capaciteit van kleinere gemeenten); waarden: aanname`,
  'regions[].population': 'aanname (populatie per regio)',
  population: 'aanname (ruwe Nederland-achtige waarden, niet uit een bron)',
  'population.education': `aandelen: aanname; dat opleiding de kwetsbaarheid beïnvloedt: ${S002}`,
  'population.ideologyLeaning': `categorieën: ${S004} en MODEL.md 2; aandelen: aanname`,
  'population.initialSensitivityShare': 'aanname: een kleine groep is bij de start al ontvankelijk',
  'population.pathology': `aandoeningen: ${S003} en MODEL.md 2; ernst: aanname`,
  'population.pathology[*].prevalence': 'MODEL.md 2 (standaardwaarde van de domeinbeschrijving)',
  'population.pathology[*].maleRatio': 'aanname: de gebruikelijke richting van sekseverschillen, niet uit een bron',
  'population.protective': `factoren: ${S003} en MODEL.md 2; waarden: aanname`,
  'population.needs': `de vier behoeften: ${S003}, ${S002}; waarden: aanname`,
  'population.needs.adolescentIdentityExtra': `mechanisme ${S003} (adolescenten kunnen een positieve sociale identiteit sterker nodig hebben); waarde: aanname`,
  'population.needs.youngMaleSensationExtra': `mechanisme MODEL.md 2 (sekse en leeftijd als moderatoren: ${S002}); waarde en leeftijdsgrenzen: aanname`,
  'population.attitude': 'aanname: bijna iedereen begint ver van het uiterste van de eigen neiging',
  'population.uncertainty': 'aanname, zoals in de relative-agreement-opzet van Deffuant e.a. 2002',
  'population.online': `mechanisme: online radicalisering, vooral van jongeren (${S003}, ${S004}, ${S001}); waarden: aanname`,
  'population.contact': `MODEL.md 2 (contact met professionals uit zorg, sociaal domein en veiligheid: ${S003}, ${S004}); waarden: aanname`,
  network: `lagen: MODEL.md 3 en ${S003} (de sociale context); waarden: aanname`,
  macro: `mechanisme: triggers op macroniveau (${S002}, ${S003}; MODEL.md 4.1); waarden: aanname`,
  'macro.reciprocalShare': 'mechanisme MODEL.md 4.1 (wederzijdse radicalisering); waarde: aanname',
  'macro.opponents': 'MODEL.md 4.1 (wederzijdse radicalisering); koppeling: aanname',
  triggers: `mechanisme: micro- en mesotriggers zetten radicalisering in gang (${S002}) of leiden tot deradicalisering (${S003}); frequenties verschillen naar sekse, leeftijd en opleiding (${S002}); gebeurtenissen: MODEL.md 4.2; elke frequentie, factor en elk effect: aanname`,
  'triggers.recentHalfLifeWeeks': 'aanname: de duw van een trigger ebt in ongeveer twee maanden weg',
  susceptibility: `mechanisme: kwetsbaarheid verschilt naar motief, sekse, leeftijd en opleiding (${S002}); leeftijd en psychopathologie modereren (${S003}); patroon MODEL.md 4.3; waarden: aanname`,
  'susceptibility.pathology': `mechanisme MODEL.md 2 en 4.3 (pathologie als moderator, ${S003}); waarden: aanname`,
  'susceptibility.protectiveDamping': `mechanisme ${S003} (beschermende factoren); waarde: aanname`,
  influence:
    'invloed met begrensd vertrouwen uit de relative-agreement-familie (MODEL.md 4.4; Deffuant e.a. 2002); waarden: aanname',
  'influence.followerConformity': `mechanisme ${S003} (volgers gevoeliger voor groepsdruk); waarde: aanname`,
  'influence.leaderConformity': `mechanisme ${S003}; waarde: aanname`,
  'influence.sources': `online bronnen met groot bereik (MODEL.md 3; online radicalisering ${S003}, ${S004}); waarden: aanname`,
  'influence.groupIdentificationGrowth':
    'mechanisme MODEL.md 4.4 (identificatie groeit met de tijd bij leden); waarde: aanname',
  needs: 'mechanisme MODEL.md 2, 4.5; waarden: aanname',
  'needs.groupMeets.justice':
    'MODEL.md 4.5 (een groep vervult identiteit, zingeving en sensatie, niet rechtvaardigheid)',
  groups: 'mechanisme MODEL.md 3 (groepen ontstaan en vallen uiteen, werven, hebben een leider); waarden: aanname',
  'groups.leaderScore.narcissism': `mechanisme ${S003} (leiders met een sterkere egobehoefte, mogelijk narcistisch); gewicht: aanname`,
  'groups.breakupAttitudeLoss':
    'mechanisme MODEL.md 4.2 (het uiteenvallen van een groep deradicaliseert); waarde: aanname',
  phases: `drie fasen, volgorde niet vast, met overslaan en terugval (${S003}); interactietermen MODEL.md 4.6; functievormen en constanten: aanname, met de hand gezet, niet geschat`,
  action: 'mechanisme MODEL.md 4.7 (incidenten, aanhouding, detentie, uiteenvallen van groepen); waarden: aanname',
  'action.leaderArrestBreakup': 'aanname (MODEL.md 3: aanhouding van de leider kan een groep doen uiteenvallen)',
  practice: `vroegsignaleringsketen van ${S004} en ${S003}; MODEL.md 4.8; waarden: aanname (geen bron geeft een getal)`,
  'practice.signals.rate': `mechanisme ${S004} (signalen van professionals in het veld), ${S003} (zorg, sociaal domein en veiligheid); waarden: aanname`,
  'practice.signals.visibilityByPhase': 'mechanisme MODEL.md 4.8 (zichtbaar gedrag per fase); waarden: aanname',
  'practice.signals.confusion': `mechanisme MODEL.md 4.8 (verward gedrag geeft valse signalen); ${S004} ("verwarde personen"); gewichten: aanname`,
  'practice.signals.recognition': `${S004} (herkenning vooral gericht op islamitische radicalisering); waarden: aanname`,
  'practice.signals.recognitionFemale': `${S004} (signalen bij mannen en vrouwen anders opgemerkt); richting en waarde: aanname`,
  'practice.signals.training': `${S004} (training in het herkennen van alle extremistische ideologieën); waarde: aanname`,
  'practice.signals.trainingGain': 'aanname: volledige training verdubbelt de signaalfrequentie',
  'practice.signals.biasTraining': `${S004}, MODEL.md 5 (training voor alle ideologieën en beide seksen); 0 = de vooroordelen van nu: aanname`,
  'practice.signals.cooldownWeeks': 'aanname',
  'practice.triage': `${S004} (capaciteit, objectieve criteria, informatiedeling), ${S003} (beroepsgeheim en risicotaxatie); waarden: aanname`,
  'practice.triage.riskAssessment': `${S004} (onvoldoende objectieve criteria), ${S003} en ${S001} (gestandaardiseerde risicotaxatie aanbevolen); waarde: aanname`,
  'practice.triage.hoursPerSignal': 'aanname',
  'practice.cases': `${S004} (PGA, beperkte capaciteit), ${S003} (langdurige betrokkenheid, maatwerk); waarden: aanname`,
  'practice.cases.followUpWeeks': `${S003}, ${S001} (systematische nazorg op lange termijn); waarde: aanname`,
  'practice.cases.hoursPerWeek': 'aanname',
  'practice.labelling': `${S003} (stigma en wantrouwen; het levenslange "stempel radicalisering"), MODEL.md 4.8; waarden: aanname`,
  'practice.labelling.transparencyProtection': 'aanname: transparantie verzacht de schade maar maakt die niet ongedaan',
  interventionMechanics: `mechanisme ${S003} (werkzame elementen; duur, weerstand, stigma, wantrouwen, transparantie, integrale en traumasensitieve aanpak) en MODEL.md 5; alle waarden: aanname`,
  'interventionMechanics.uptake.messengers': `${S003} en ${S001} (mensen uit de gemeenschap bouwen vertrouwen op); waarde: aanname`,
  'interventionMechanics.resistance': `${S003} (weerstand tegen ideologische verandering); MODEL.md 5 (groeit met fase en groepsidentificatie); waarden: aanname`,
  'interventionMechanics.effects.pathologyTreatment': `MODEL.md 5 (behandeling van pathologie als werkzaam element); ${S003}; waarde: aanname`,
  interventions: `soorten en werkzame elementen: ${S003} en MODEL.md 5; elk getal: aanname`,
  'interventions[].delivery.communityMessengers': `${S003}, ${S001}; waarde: aanname`,
  ablation: 'modelschakelaar (docs/model.md sectie 9), geen empirische parameter',
  outputs: 'uitvoeroptie, geen modelparameter',
};

/** English source text -> Dutch (a source whose English text changed is shown in English). */
export const SOURCE_NL: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SOURCE_NL_BY_PREFIX)
    .filter(([k]) => SOURCES[k] !== undefined)
    .map(([k, nl]) => [SOURCES[k], nl]),
);
