/**
 * Dutch texts of the scenario parameters for the Research form: the schema's English descriptions
 * and units (sim/scenario/schema.ts, the one place they are written) mapped to Dutch. A text
 * without an entry is shown in English; test/unit/fieldTextNl.test.ts lists any the library uses.
 */
export const DESCRIPTION_NL: Readonly<Record<string, string>> = {
  'run length after the burn-in: series, outcomes and scheduled weeks count from its end':
    'duur van de run na de inloopperiode: reeksen, uitkomsten en geplande weken tellen vanaf het einde ervan',
  'weeks run before week 0 so the population reaches its steady state (spin-up); nothing is recorded or scheduled in them':
    'weken die vóór week 0 lopen zodat de populatie haar evenwicht bereikt (inloopperiode); daarin wordt niets vastgelegd of gepland',
  'half-life of the gap between a person’s attitude (and its uncertainty) and their own set point (the values drawn for them); 0 switches the pull off':
    'halveringstijd van het verschil tussen iemands houding (en de onzekerheid daarvan) en het eigen instelpunt (de voor hen getrokken waarden); 0 zet de trek uit',
  'half-life of the gap between each protective factor and the person’s own set point; 0 switches the pull off':
    'halveringstijd van het verschil tussen elke beschermende factor en het eigen instelpunt van de persoon; 0 zet de trek uit',
  'chance that a person released from detention has disengaged from violence: they leave the action phase for the sensitivity phase':
    'kans dat iemand die uit detentie komt het geweld heeft losgelaten: die persoon gaat van de actiefase naar de gevoeligheidsfase',
  'week at which the run pauses': 'week waarin de run pauzeert',
  'what to point out at this stop': 'waar u op deze stop op wijst',
  'a macro type fired at this stop (a key of macro.types)':
    'een macrotype dat op deze stop wordt afgevuurd (een sleutel van macro.types)',
  'a person selected at this stop: highestPhase (in the highest phase), mostTriggers (the highest recent trigger load)':
    'een persoon die op deze stop wordt geselecteerd: highestPhase (in de hoogste fase), mostTriggers (de hoogste recente triggerlast)',
  'guided demo: stops with captions for presenting the scenario in Explore':
    'rondleiding: stops met bijschriften om het scenario in Verkennen te presenteren',
  'what the scenario changes and why, in one line': 'wat het scenario verandert en waarom, in één regel',
  'micro (personal life) or meso (the social surroundings)':
    'micro (het persoonlijke leven) of meso (de sociale omgeving)',
  'whether the event pushes toward or away from radicalisation':
    'of de gebeurtenis richting radicalisering duwt of ervan af',
  'micro triggers of the catalogue can occur': 'microtriggers uit de catalogus kunnen optreden',
  'meso triggers of the catalogue can occur': 'mesotriggers uit de catalogus kunnen optreden',
  'macro events take effect': 'macrogebeurtenissen werken door',
  'agents influence each other (and the online sources reach them)':
    'personen beïnvloeden elkaar (en de online bronnen bereiken hen)',
  'groups form, recruit and meet needs': 'groepen ontstaan, werven en vervullen behoeften',
  'short name': 'korte naam',
  'title, a few words': 'titel, in een paar woorden',
  'the one-sentence question this scenario asks': 'de vraag die dit scenario stelt, in één zin',
  'what the scenario shows, in one line': 'wat het scenario laat zien, in één regel',
  'random seed': 'startgetal van het toeval (seed)',
  'population size': 'omvang van de populatie',
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
  'weekly chance that a person in the action phase is arrested before any incident: for preparing an attack, for threats or for travelling to fight':
    'wekelijkse kans dat iemand in de actiefase wordt aangehouden vóór enig incident: voor het voorbereiden van een aanslag, voor bedreigingen of voor uitreizen om te strijden',
  'weekly chance that a group member in the group phase is arrested for membership of, or support to, a terrorist organisation':
    'wekelijkse kans dat een groepslid in de groepsfase wordt aangehouden voor deelname aan of steun aan een terroristische organisatie',
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

/**
 * The sources of sim/scenario/sources.ts in Dutch, by their English text: a source whose English
 * text has changed since it was translated is shown in English until it is translated again.
 */
export const SOURCE_NL: Readonly<Record<string, string>> = {
  "three phases, order not fixed, skips and returns (003_b01ffb2916f57b10.txt); interaction terms MODEL.md 4.6; functional forms: assumption; the entry constants (a01, a12, the weights by leaning jih01 to anti12, antiAge) calibrated to public Dutch figures (calibration/targets.json; docs/calibration.md), the other constants set by hand. Leaning weights: the movements differ in size by one to two orders of magnitude (AIVD 2023: more than 100,000 people believe the anti-institutional 'evil elite' narrative; NCTV 2019: a jihadist movement of some 500 and a few thousand sympathisers). antiAge: assumption that anti-institutional adherence does not mature out but grows with age (the young are over-represented in the accelerationist right, AIVD 2021, not in the anti-institutional movement). Exit terms: maturing out with age (mature per year above matureFrom on every exit hazard; the age-crime curve of the desistance literature, stated assumption; age as a moderator: 003_b01ffb2916f57b10.txt), disengagement during a case plan (caseExit; 003_b01ffb2916f57b10.txt on working elements, value assumption), leaving the group or giving up violence over a few years whatever the group ties (d21, d31: mean stays of about four and two years; Bjørgo & Horgan 2009 on disengagement, values assumption)":
    "drie fasen, volgorde niet vast, met overslaan en terugval (003_b01ffb2916f57b10.txt); interactietermen MODEL.md 4.6; functievormen: aanname; de instroomconstanten (a01, a12, de gewichten per stroming jih01 tot anti12, antiAge) gekalibreerd op openbare Nederlandse cijfers (calibration/targets.json; docs/calibration.md), de overige constanten met de hand gezet. Gewichten per stroming: de stromingen verschillen een tot twee ordes van grootte in omvang (AIVD 2023: meer dan honderdduizend mensen geloven het anti-institutionele narratief van een 'kwaadaardige elite'; NCTV 2019: een jihadistische beweging van zo'n 500 personen en enkele duizenden sympathisanten). antiAge: aanname dat aanhang van het anti-institutioneel extremisme niet met de leeftijd uitdooft maar ermee toeneemt (jongeren zijn oververtegenwoordigd bij het accelerationistische rechts-extremisme, AIVD 2021, niet in de anti-institutionele beweging). Uitstroomtermen: uitgroeien met de leeftijd (mature per jaar boven matureFrom op elke uitstroomkans; de leeftijd-criminaliteitscurve uit de desistance-literatuur, aanname; leeftijd als moderator: 003_b01ffb2916f57b10.txt), afhaken tijdens een plan van aanpak (caseExit; 003_b01ffb2916f57b10.txt over werkzame elementen, waarde aanname), de groep verlaten of het geweld opgeven binnen enkele jaren, los van de groepsbanden (d21, d31: gemiddeld verblijf van ongeveer vier en twee jaar; Bjørgo & Horgan 2009 over disengagement, waarden aanname)",
  'assumption: five years, several times the slowest relaxation time of the restoring forces and phase exits (a year or two), so the series start from the steady state (test/model/stationarity.test.ts)':
    'aanname: vijf jaar, enkele malen de langzaamste hersteltijd van de terugdrijvende krachten en de uitstroom uit fasen (een à twee jaar), zodat de reeksen in de evenwichtstoestand beginnen (test/model/stationarity.test.ts)',
  'mechanism: triggers lead to radicalisation or to deradicalisation (003_b01ffb2916f57b10.txt), so their push is not permanent; protective factors counter radicalisation (003_b01ffb2916f57b10.txt); values: assumption':
    'mechanisme: triggers leiden tot radicalisering of tot deradicalisering (003_b01ffb2916f57b10.txt), dus hun duw is niet blijvend; beschermende factoren gaan radicalisering tegen (003_b01ffb2916f57b10.txt); waarden: aanname',
  'assumption: the push of an event on a person’s attitude halves in a year when nothing renews it (attitudes return toward the person’s own set point)':
    'aanname: de duw van een gebeurtenis op iemands houding halveert in een jaar als niets hem vernieuwt (houdingen keren terug naar het eigen instelpunt van de persoon)',
  'assumption: a blow to (or a boost of) resilience, bonds or trust halves in two years; protective factors are more stable traits than attitudes':
    'aanname: een klap voor (of een steun aan) veerkracht, banden of vertrouwen halveert in twee jaar; beschermende factoren zijn stabielere eigenschappen dan houdingen',
  'mechanism: disengagement after detention (desistance literature; few released terrorist offenders reoffend, Renard 2020, CTC Sentinel 13(4)); 003_b01ffb2916f57b10.txt (deradicalising a phase back); value 0.9: assumption':
    'mechanisme: afhaken na detentie (desistance-literatuur; weinig vrijgelaten terroristische daders recidiveren, Renard 2020, CTC Sentinel 13(4)); 003_b01ffb2916f57b10.txt (deradicaliseren: een fase terug); waarde 0,9: aanname',
  'presentation script for Explore (not a model parameter)': 'presentatiescript voor Verkennen (geen modelparameter)',
  'scenario text (not a model parameter)': 'scenariotekst (geen modelparameter)',
  'assumption: any seed; replicates use seeds derived from it':
    'aanname: elke seed; herhalingen gebruiken seeds die ervan zijn afgeleid',
  'assumption: long enough for routes with returns and for group life cycles':
    'aanname: lang genoeg voor routes met terugval en voor de levensloop van groepen',
  'city/region contrast: 003_b01ffb2916f57b10.txt, 004_3f123f64741c8191.txt, MODEL.md 3; shares, sizes and rate multipliers: assumption':
    'verschil stad/regio: 003_b01ffb2916f57b10.txt, 004_3f123f64741c8191.txt, MODEL.md 3; aandelen, omvang en factoren: aanname',
  '003_b01ffb2916f57b10.txt (less knowledge and experience in the regions), 004_3f123f64741c8191.txt (limited capacity of smaller municipalities); values: assumption':
    "003_b01ffb2916f57b10.txt (minder kennis en ervaring in de regio's), 004_3f123f64741c8191.txt (beperkte capaciteit van kleinere gemeenten); waarden: aanname",
  'assumption (region-specific population)': 'aanname (populatie per regio)',
  'assumption (rough Dutch-like values, not from a seed)':
    'aanname (ruwe Nederland-achtige waarden, niet uit een bron)',
  'shares: assumption; that education moderates vulnerability: 002_8eba30a1dfbc2ef6.txt':
    'aandelen: aanname; dat opleiding de kwetsbaarheid beïnvloedt: 002_8eba30a1dfbc2ef6.txt',
  'categories: 004_3f123f64741c8191.txt and MODEL.md 2; shares: assumption':
    'categorieën: 004_3f123f64741c8191.txt en MODEL.md 2; aandelen: aanname',
  'assumption: a small seed of people already receptive at the start':
    'aanname: een kleine groep is bij de start al ontvankelijk',
  'conditions: 003_b01ffb2916f57b10.txt and MODEL.md 2; severity: assumption':
    'aandoeningen: 003_b01ffb2916f57b10.txt en MODEL.md 2; ernst: aanname',
  'MODEL.md 2 (domain brief default)': 'MODEL.md 2 (standaardwaarde van de domeinbeschrijving)',
  'assumption: the usual direction of sex differences, not from a seed':
    'aanname: de gebruikelijke richting van sekseverschillen, niet uit een bron',
  'factors: 003_b01ffb2916f57b10.txt and MODEL.md 2; values: assumption':
    'factoren: 003_b01ffb2916f57b10.txt en MODEL.md 2; waarden: aanname',
  'the four needs: 003_b01ffb2916f57b10.txt, 002_8eba30a1dfbc2ef6.txt; values: assumption':
    'de vier behoeften: 003_b01ffb2916f57b10.txt, 002_8eba30a1dfbc2ef6.txt; waarden: aanname',
  'mechanism 003_b01ffb2916f57b10.txt (adolescents can need a positive social identity more); value: assumption':
    'mechanisme 003_b01ffb2916f57b10.txt (adolescenten kunnen een positieve sociale identiteit sterker nodig hebben); waarde: aanname',
  'mechanism MODEL.md 2 (sex and age as moderators: 002_8eba30a1dfbc2ef6.txt); value and age window: assumption':
    'mechanisme MODEL.md 2 (sekse en leeftijd als moderatoren: 002_8eba30a1dfbc2ef6.txt); waarde en leeftijdsgrenzen: aanname',
  'assumption: almost everyone starts far from their leaning’s extreme':
    'aanname: bijna iedereen begint ver van het uiterste van de eigen neiging',
  'mechanism: online radicalisation, above all of young people (003_b01ffb2916f57b10.txt, 004_3f123f64741c8191.txt, 001_9985252c126c6d4e.txt); values: assumption':
    'mechanisme: online radicalisering, vooral van jongeren (003_b01ffb2916f57b10.txt, 004_3f123f64741c8191.txt, 001_9985252c126c6d4e.txt); waarden: aanname',
  'layers: MODEL.md 3 and 003_b01ffb2916f57b10.txt (the social context); values: assumption':
    'lagen: MODEL.md 3 en 003_b01ffb2916f57b10.txt (de sociale context); waarden: aanname',
  'mechanism: macro-level triggers (002_8eba30a1dfbc2ef6.txt, 003_b01ffb2916f57b10.txt; MODEL.md 4.1); values: assumption':
    'mechanisme: triggers op macroniveau (002_8eba30a1dfbc2ef6.txt, 003_b01ffb2916f57b10.txt; MODEL.md 4.1); waarden: aanname',
  'mechanism MODEL.md 4.1 (reciprocal radicalisation); value: assumption':
    'mechanisme MODEL.md 4.1 (wederzijdse radicalisering); waarde: aanname',
  'MODEL.md 4.1 (reciprocal radicalisation); pairing: assumption':
    'MODEL.md 4.1 (wederzijdse radicalisering); koppeling: aanname',
  'mechanism: micro and meso triggers set radicalisation in motion (002_8eba30a1dfbc2ef6.txt) or lead to deradicalisation (003_b01ffb2916f57b10.txt); rates vary with sex, age and education (002_8eba30a1dfbc2ef6.txt); events: MODEL.md 4.2; every rate, multiplier and effect: assumption':
    'mechanisme: micro- en mesotriggers zetten radicalisering in gang (002_8eba30a1dfbc2ef6.txt) of leiden tot deradicalisering (003_b01ffb2916f57b10.txt); frequenties verschillen naar sekse, leeftijd en opleiding (002_8eba30a1dfbc2ef6.txt); gebeurtenissen: MODEL.md 4.2; elke frequentie, factor en elk effect: aanname',
  'assumption: a trigger’s push fades over about two months':
    'aanname: de duw van een trigger ebt in ongeveer twee maanden weg',
  'mechanism: vulnerability differs by motive, sex, age and education (002_8eba30a1dfbc2ef6.txt); age and psychopathology moderate (003_b01ffb2916f57b10.txt); pattern MODEL.md 4.3; values: assumption':
    'mechanisme: kwetsbaarheid verschilt naar motief, sekse, leeftijd en opleiding (002_8eba30a1dfbc2ef6.txt); leeftijd en psychopathologie modereren (003_b01ffb2916f57b10.txt); patroon MODEL.md 4.3; waarden: aanname',
  'mechanism MODEL.md 2 and 4.3 (pathology as a moderator, 003_b01ffb2916f57b10.txt); values: assumption':
    'mechanisme MODEL.md 2 en 4.3 (pathologie als moderator, 003_b01ffb2916f57b10.txt); waarden: aanname',
  'mechanism 003_b01ffb2916f57b10.txt (protective factors); value: assumption':
    'mechanisme 003_b01ffb2916f57b10.txt (beschermende factoren); waarde: aanname',
  'bounded-confidence influence of the relative agreement family (MODEL.md 4.4; Deffuant et al. 2002); values: assumption':
    'invloed met begrensd vertrouwen uit de relative-agreement-familie (MODEL.md 4.4; Deffuant e.a. 2002); waarden: aanname',
  'mechanism 003_b01ffb2916f57b10.txt (followers more sensitive to group pressure); value: assumption':
    'mechanisme 003_b01ffb2916f57b10.txt (volgers gevoeliger voor groepsdruk); waarde: aanname',
  'mechanism 003_b01ffb2916f57b10.txt; value: assumption': 'mechanisme 003_b01ffb2916f57b10.txt; waarde: aanname',
  'high-reach online sources (MODEL.md 3; online radicalisation 003_b01ffb2916f57b10.txt, 004_3f123f64741c8191.txt); values: assumption':
    'online bronnen met groot bereik (MODEL.md 3; online radicalisering 003_b01ffb2916f57b10.txt, 004_3f123f64741c8191.txt); waarden: aanname',
  'mechanism MODEL.md 4.4 (identification grows with time among members); value: assumption':
    'mechanisme MODEL.md 4.4 (identificatie groeit met de tijd bij leden); waarde: aanname',
  'mechanism MODEL.md 2, 4.5; values: assumption': 'mechanisme MODEL.md 2, 4.5; waarden: aanname',
  'MODEL.md 4.5 (a group meets identity, meaning and sensation, not justice)':
    'MODEL.md 4.5 (een groep vervult identiteit, zingeving en sensatie, niet rechtvaardigheid)',
  'mechanism MODEL.md 3 (groups form and dissolve, recruit, have a leader); values: assumption':
    'mechanisme MODEL.md 3 (groepen ontstaan en vallen uiteen, werven, hebben een leider); waarden: aanname',
  'mechanism MODEL.md 4.2 (a group breaking up deradicalises); value: assumption':
    'mechanisme MODEL.md 4.2 (het uiteenvallen van een groep deradicaliseert); waarde: aanname',
  "mechanism MODEL.md 4.7 and public figures: most terrorism arrests come before any attack: 'vele tientallen terreurverdachten opgepakt' in recent years against three or four foiled attacks since 2011 (BN DeStem, September 2018, quoting the head of the AIVD) and a handful of attacks a decade (AIVD annual report 2018); people arrested for preparing an attack on the prime minister and for threats (AIVD annual report 2021); value: calibrated to the arrests and detention targets (docs/calibration.md)":
    "mechanisme MODEL.md 4.7 en openbare cijfers: de meeste aanhoudingen voor terrorisme komen vóór een aanslag: 'vele tientallen terreurverdachten opgepakt' in de afgelopen jaren tegenover drie of vier verijdelde aanslagen sinds 2011 (BN DeStem, september 2018, naar het hoofd van de AIVD) en een handvol aanslagen per decennium (jaarverslag AIVD 2018); aanhoudingen voor het voorbereiden van een aanslag op de premier en voor bedreigingen (jaarverslag AIVD 2021); waarde: gekalibreerd op de doelen voor aanhoudingen en detentie (docs/calibration.md)",
  "mechanism: arrests for membership of, or support to, a terrorist organisation ('vele tientallen terreurverdachten opgepakt', BN DeStem 2018; ten activists imprisoned for sedition or serious threats in 2021, AIVD annual report 2021); value: assumption, a small fraction of the preparation hazard":
    "mechanisme: aanhoudingen voor deelname aan of steun aan een terroristische organisatie ('vele tientallen terreurverdachten opgepakt', BN DeStem 2018; tien activisten vastgezet voor opruiing of ernstige bedreiging in 2021, jaarverslag AIVD 2021); waarde: aanname, een klein deel van de kans bij voorbereiding",
  'mechanism MODEL.md 4.7 (incidents, arrest, detention, group break-up); values: assumption':
    'mechanisme MODEL.md 4.7 (incidenten, aanhouding, detentie, uiteenvallen van groepen); waarden: aanname',
  'assumption (MODEL.md 3: arrest of the leader can break a group up)':
    'aanname (MODEL.md 3: aanhouding van de leider kan een groep doen uiteenvallen)',
  'early-detection pipeline of 004_3f123f64741c8191.txt and 003_b01ffb2916f57b10.txt; MODEL.md 4.8; values: assumption (no seed gives a number)':
    'vroegsignaleringsketen van 004_3f123f64741c8191.txt en 003_b01ffb2916f57b10.txt; MODEL.md 4.8; waarden: aanname (geen bron geeft een getal)',
  'mechanism 004_3f123f64741c8191.txt (signals from professionals in the field), 003_b01ffb2916f57b10.txt (care, social and security domains); values: assumption':
    'mechanisme 004_3f123f64741c8191.txt (signalen van professionals in het veld), 003_b01ffb2916f57b10.txt (zorg, sociaal domein en veiligheid); waarden: aanname',
  'mechanism MODEL.md 4.8 (confused behaviour gives false signals); 004_3f123f64741c8191.txt ("verwarde personen"); weights: assumption':
    'mechanisme MODEL.md 4.8 (verward gedrag geeft valse signalen); 004_3f123f64741c8191.txt ("verwarde personen"); gewichten: aanname',
  '004_3f123f64741c8191.txt (training in recognising all extremist ideologies); value: assumption':
    '004_3f123f64741c8191.txt (training in het herkennen van alle extremistische ideologieën); waarde: aanname',
  'assumption: full training doubles the signal rate': 'aanname: volledige training verdubbelt de signaalfrequentie',
  '004_3f123f64741c8191.txt, MODEL.md 5 (training for all ideologies and both sexes); 0 = today’s bias: assumption':
    '004_3f123f64741c8191.txt, MODEL.md 5 (training voor alle ideologieën en beide seksen); 0 = de vooroordelen van nu: aanname',
  assumption: 'aanname',
  '004_3f123f64741c8191.txt (capacity, objective criteria, information sharing), 003_b01ffb2916f57b10.txt (professional secrecy and risk assessment); values: assumption':
    '004_3f123f64741c8191.txt (capaciteit, objectieve criteria, informatiedeling), 003_b01ffb2916f57b10.txt (beroepsgeheim en risicotaxatie); waarden: aanname',
  '004_3f123f64741c8191.txt (insufficient objective criteria), 003_b01ffb2916f57b10.txt and 001_9985252c126c6d4e.txt (standardised risk assessment recommended); value: assumption':
    '004_3f123f64741c8191.txt (onvoldoende objectieve criteria), 003_b01ffb2916f57b10.txt en 001_9985252c126c6d4e.txt (gestandaardiseerde risicotaxatie aanbevolen); waarde: aanname',
  '004_3f123f64741c8191.txt (PGA, limited capacity), 003_b01ffb2916f57b10.txt (long-term involvement, tailoring); values: assumption':
    '004_3f123f64741c8191.txt (PGA, beperkte capaciteit), 003_b01ffb2916f57b10.txt (langdurige betrokkenheid, maatwerk); waarden: aanname',
  '003_b01ffb2916f57b10.txt, 001_9985252c126c6d4e.txt (systematic long-term follow-up); value: assumption':
    '003_b01ffb2916f57b10.txt, 001_9985252c126c6d4e.txt (systematische nazorg op lange termijn); waarde: aanname',
  '003_b01ffb2916f57b10.txt (stigma and distrust; the lifelong "stempel radicalisering"), MODEL.md 4.8; values: assumption':
    '003_b01ffb2916f57b10.txt (stigma en wantrouwen; het levenslange "stempel radicalisering"), MODEL.md 4.8; waarden: aanname',
  'assumption: transparency softens the harm but cannot undo it':
    'aanname: transparantie verzacht de schade maar maakt die niet ongedaan',
  'mechanism 003_b01ffb2916f57b10.txt (working elements; duration, resistance, stigma, distrust, transparency, holistic and trauma-sensitive approach) and MODEL.md 5; all values: assumption':
    'mechanisme 003_b01ffb2916f57b10.txt (werkzame elementen; duur, weerstand, stigma, wantrouwen, transparantie, integrale en traumasensitieve aanpak) en MODEL.md 5; alle waarden: aanname',
  '003_b01ffb2916f57b10.txt and 001_9985252c126c6d4e.txt (people from the community build trust); value: assumption':
    '003_b01ffb2916f57b10.txt en 001_9985252c126c6d4e.txt (mensen uit de gemeenschap bouwen vertrouwen op); waarde: aanname',
  '003_b01ffb2916f57b10.txt (resistance to ideological change); MODEL.md 5 (grows with phase and group identification); values: assumption':
    '003_b01ffb2916f57b10.txt (weerstand tegen ideologische verandering); MODEL.md 5 (groeit met fase en groepsidentificatie); waarden: aanname',
  'kinds and working elements: 003_b01ffb2916f57b10.txt and MODEL.md 5; every number: assumption':
    'soorten en werkzame elementen: 003_b01ffb2916f57b10.txt en MODEL.md 5; elk getal: aanname',
  '003_b01ffb2916f57b10.txt, 001_9985252c126c6d4e.txt; value: assumption':
    '003_b01ffb2916f57b10.txt, 001_9985252c126c6d4e.txt; waarde: aanname',
  'model switch (docs/model.md section 9), not an empirical parameter':
    'modelschakelaar (docs/model.md sectie 9), geen empirische parameter',
  'recording option, not a model parameter': 'uitvoeroptie, geen modelparameter',
  'assumption: large enough for a few dozen entries into the action phase, small enough to run in seconds; incident strength is scaled per 100,000 people so results do not depend on it':
    'aanname: groot genoeg voor enkele tientallen instromers in de actiefase, klein genoeg om in seconden te draaien; de sterkte van incidenten wordt geschaald per 100.000 personen, zodat de uitkomsten er niet van afhangen',
  'assumption: a rough Dutch-like age structure of people aged 12+, not from a seed; the bands also set the turnover that keeps them at rest (docs/model.md 7.8): people leave where the density per year of age falls and at the largest `to`, newcomers arrive at the smallest `from` and where it rises; deaths, emigration and immigration (CBS population dynamics) are assumed to happen only there':
    'aanname: een ruwe Nederland-achtige leeftijdsopbouw van mensen van 12 jaar en ouder, niet uit een bron; de groepen bepalen ook de doorstroom die ze in evenwicht houdt (docs/model.md 7.8): mensen vertrekken waar de dichtheid per levensjaar daalt en bij de grootste `to`, nieuwkomers komen op de kleinste `from` en waar die stijgt; sterfte, emigratie en immigratie (CBS-bevolkingsdynamiek) vinden naar aanname alleen daar plaats',
  'assumption: near-even sex ratio': 'aanname: een bijna gelijke verdeling naar sekse',
  'assumption: rough Dutch-like household sizes; realised sizes differ (docs/model.md 5)':
    'aanname: ruwe Nederland-achtige huishoudgrootten; de gerealiseerde grootten wijken af (docs/model.md 5)',
  'the four needs: 003_b01ffb2916f57b10.txt, 002_8eba30a1dfbc2ef6.txt; values: assumption (needs mostly met in the general population)':
    'de vier behoeften: 003_b01ffb2916f57b10.txt, 002_8eba30a1dfbc2ef6.txt; waarden: aanname (behoeften zijn in de algemene bevolking grotendeels vervuld)',
  'assumption: moderates are uncertain, as in the relative agreement set-up of Deffuant et al. 2002':
    'aanname: gematigden zijn onzeker, zoals in de relative-agreement-opzet van Deffuant e.a. 2002',
  'MODEL.md 2 (contact with care, social and security professionals: 003_b01ffb2916f57b10.txt, 004_3f123f64741c8191.txt); values: assumption; read by the signals of the practice stage':
    'MODEL.md 2 (contact met professionals uit zorg, sociaal domein en veiligheid: 003_b01ffb2916f57b10.txt, 004_3f123f64741c8191.txt); waarden: aanname; gebruikt door de signalen van de praktijkfase',
  'assumption: a handful of close classmates or colleagues': "aanname: een handvol naaste klasgenoten of collega's",
  'assumption: a secondary school’s intake in the model population':
    'aanname: de instroom van een middelbare school in de modelpopulatie',
  'assumption: a workplace or college unit': 'aanname: een werkplek of opleidingseenheid',
  'assumption: adults below 67 in work or study': 'aanname: volwassenen onder 67 met werk of studie',
  'assumption: a few neighbours': 'aanname: een paar buren',
  'assumption: at average exposure': 'aanname: bij gemiddelde blootstelling',
  'assumption: the partner of an online tie is drawn from the whole population half the time, else from the own region; about 0.24 of online ties then cross regions (docs/model.md 5)':
    'aanname: de partner van een online band komt de helft van de tijd uit de hele populatie, anders uit de eigen regio; ongeveer 0,24 van de online banden gaat dan over regiogrenzen (docs/model.md 5)',
  'assumption: weekly contact mostly with family and peers':
    'aanname: wekelijks contact vooral met familie en leeftijdgenoten',
  'assumption: grievance lingers for months': 'aanname: onvrede blijft maanden hangen',
  'assumption: threat perception fades faster': 'aanname: ervaren dreiging ebt sneller weg',
  'event types: the examples of MODEL.md 4.1 (attack abroad, war, polarising event, discriminating measure) and `incident`, what an incident in the model fires; rises: assumption':
    'soorten gebeurtenissen: de voorbeelden van MODEL.md 4.1 (aanslag in het buitenland, oorlog, polariserende gebeurtenis, discriminerende maatregel) en `incident`, wat een incident in het model afvuurt; stijgingen: aanname',
  'mechanism MODEL.md 2 and 4.3 (impulsivity; pathology as a moderator, 003_b01ffb2916f57b10.txt); value: assumption':
    'mechanisme MODEL.md 2 en 4.3 (impulsiviteit; pathologie als moderator, 003_b01ffb2916f57b10.txt); waarde: aanname',
  'mechanism MODEL.md 2 (rigid fixation; pathology as a moderator, 003_b01ffb2916f57b10.txt); value: assumption':
    'mechanisme MODEL.md 2 (rigide fixatie; pathologie als moderator, 003_b01ffb2916f57b10.txt); waarde: aanname',
  'mechanism MODEL.md 2 (paranoid grievance; pathology as a moderator, 003_b01ffb2916f57b10.txt); value: assumption':
    'mechanisme MODEL.md 2 (paranoïde gevoel van onrecht; pathologie als moderator, 003_b01ffb2916f57b10.txt); waarde: aanname',
  'mechanism MODEL.md 2 (ego need; pathology as a moderator, 003_b01ffb2916f57b10.txt); value: assumption':
    'mechanisme MODEL.md 2 (egobehoefte; pathologie als moderator, 003_b01ffb2916f57b10.txt); waarde: aanname',
  'mechanism MODEL.md 2 (lower resilience; pathology as a moderator, 003_b01ffb2916f57b10.txt); value: assumption':
    'mechanisme MODEL.md 2 (minder weerbaarheid; pathologie als moderator, 003_b01ffb2916f57b10.txt); waarde: aanname',
  'mechanism MODEL.md 4.3 (trauma amplifies the reaction to triggers); value: assumption, the largest weight':
    'mechanisme MODEL.md 4.3 (trauma versterkt de reactie op triggers); waarde: aanname, het grootste gewicht',
  'assumption: one influential conversation a week': 'aanname: één invloedrijk gesprek per week',
  'assumption: a common value in relative agreement studies (Deffuant et al. 2002)':
    'aanname: een gangbare waarde in relative-agreement-studies (Deffuant e.a. 2002)',
  'assumption: below this, a contact of another leaning counts as mainstream and can moderate':
    'aanname: daaronder telt een contact met een andere neiging als gematigd en kan het matigen',
  'assumption: 1 is the neutral setting; the lever for algorithmic amplification or moderation':
    'aanname: 1 is de neutrale stand; de hefboom voor algoritmische versterking of moderatie',
  'assumption: the sources are at the extreme': 'aanname: de bronnen staan aan het uiterste',
  'assumption: confident extremists': 'aanname: zelfverzekerde extremisten',
  'MODEL.md 2, 4.5 (groups meet identity, meaning and sensation); values: assumption':
    'MODEL.md 2, 4.5 (groepen vervullen identiteit, zingeving en sensatie); waarden: aanname',
  'mechanism 003_b01ffb2916f57b10.txt (leaders with a stronger ego need, possibly narcissistic); weight: assumption (the dominant term)':
    'mechanisme 003_b01ffb2916f57b10.txt (leiders met een sterkere egobehoefte, mogelijk narcistisch); gewicht: aanname (de overheersende term)',
  'assumption: small local groups': 'aanname: kleine lokale groepen',
  'assumption: a newcomer takes the lead only with a clearly higher leadership score (25% above the leader’s)':
    'aanname: een nieuwkomer neemt alleen de leiding met een duidelijk hogere leiderschapsscore (25% boven die van de leider)',
  'assumption: about one incident per ten years of full willingness':
    'aanname: ongeveer één incident per tien jaar volledige bereidheid',
  'assumption; scaled per 100,000 people so the climate depends on the incident rate, not on the model size':
    'aanname; geschaald per 100.000 personen, zodat het klimaat van de incidentfrequentie afhangt en niet van de omvang van het model',
  'assumption: two years': 'aanname: twee jaar',
  'mechanism 004_3f123f64741c8191.txt (signals from professionals in the field), 003_b01ffb2916f57b10.txt; value: assumption: police see more per unit of contact, but contact with them is rarer (population.contact.security)':
    'mechanisme 004_3f123f64741c8191.txt (signalen van professionals in het veld), 003_b01ffb2916f57b10.txt; waarde: aanname: de politie ziet meer per eenheid contact, maar contact met de politie is zeldzamer (population.contact.security)',
  'mechanism MODEL.md 4.8 (visible behaviour by phase); values: assumption: the further along, the more visible; phase 0 shows only confused behaviour; the sensitivity phase (index 1) calibrated to the PGA caseload (docs/calibration.md): sympathisers rarely show what professionals would signal':
    'mechanisme MODEL.md 4.8 (zichtbaar gedrag per fase); waarden: aanname: hoe verder, hoe zichtbaarder; in fase 0 is alleen verward gedrag zichtbaar; de gevoeligheidsfase (index 1) gekalibreerd op het aantal PGA-casussen (docs/calibration.md): sympathisanten laten zelden iets zien dat professionals zouden melden',
  'assumption: fully confused behaviour is much less visible as "radicalisation" than the action phase; value calibrated to the PGA caseload (docs/calibration.md)':
    'aanname: volledig verward gedrag is veel minder zichtbaar als "radicalisering" dan de actiefase; waarde gekalibreerd op het aantal PGA-casussen (docs/calibration.md)',
  '004_3f123f64741c8191.txt (recognition has mostly been aimed at Islamic radicalisation; right-wing and anti-institutional extremism are not always recognised); values: assumption; left-wing (not named there) set equal to right-wing by assumption':
    '004_3f123f64741c8191.txt (herkenning was vooral gericht op islamitische radicalisering; rechts-extremisme en anti-institutioneel extremisme worden niet altijd herkend); waarden: aanname; links-extremisme (daar niet genoemd) is bij aanname gelijk gesteld aan rechts-extremisme',
  '004_3f123f64741c8191.txt (signals noticed differently in men than in women); the direction (women recognised less) and the value: assumption, the source says "anders", not "less"':
    '004_3f123f64741c8191.txt (signalen worden bij mannen anders opgemerkt dan bij vrouwen); de richting (vrouwen minder herkend) en de waarde: aanname, de bron zegt "anders", niet "minder"',
  'assumption: after a signal the same person is not signalled again for half a year':
    'aanname: na een signaal wordt dezelfde persoon een half jaar niet opnieuw gesignaleerd',
  '004_3f123f64741c8191.txt (fluctuating capacity, dependence on key officials, limited capacity in smaller municipalities); value: assumption':
    '004_3f123f64741c8191.txt (wisselende capaciteit, afhankelijkheid van sleutelfunctionarissen, beperkte capaciteit in kleinere gemeenten); waarde: aanname',
  '004_3f123f64741c8191.txt (lasting unclarity about what may be shared), 003_b01ffb2916f57b10.txt (professional secrecy against risk assessment); value: assumption (partial sharing)':
    '004_3f123f64741c8191.txt (aanhoudende onduidelijkheid over wat gedeeld mag worden), 003_b01ffb2916f57b10.txt (beroepsgeheim tegenover risicotaxatie); waarde: aanname (gedeeltelijke uitwisseling)',
  'mechanism 004_3f123f64741c8191.txt (risk of an incorrect, one-sided or unequal weighing of signals); values: assumption':
    'mechanisme 004_3f123f64741c8191.txt (risico op een onjuiste, eenzijdige of ongelijke weging van signalen); waarden: aanname',
  '004_3f123f64741c8191.txt (PGA; limited and fluctuating capacity that depends on key officials); value: assumption (no public figure on PGA capacity): practice sized to its caseload with a margin for peaks, about the largest weekly caseload per region of the calibrated baseline (docs/model.md 8.13)':
    '004_3f123f64741c8191.txt (PGA; beperkte en wisselende capaciteit die afhangt van sleutelfiguren); waarde: aanname (er is geen openbaar cijfer over de capaciteit van de PGA): de praktijk is afgestemd op haar caseload met ruimte voor pieken, ongeveer de grootste wekelijkse caseload per regio van de gekalibreerde basis (docs/model.md 8.13)',
  '003_b01ffb2916f57b10.txt (long-term involvement of professionals); value: assumption':
    '003_b01ffb2916f57b10.txt (langdurige betrokkenheid van professionals); waarde: aanname',
  '003_b01ffb2916f57b10.txt ("maatwerk staat centraal"); MODEL.md 4.8 (tailored or one size fits all); value: assumption (half way)':
    '003_b01ffb2916f57b10.txt ("maatwerk staat centraal"); MODEL.md 4.8 (maatwerk of voor iedereen hetzelfde); waarde: aanname (half om half)',
  '003_b01ffb2916f57b10.txt (effective interventions address several working elements, of which psychopathology can be one); values: assumption':
    '003_b01ffb2916f57b10.txt (effectieve interventies richten zich op meerdere werkzame elementen, waarvan psychopathologie er één kan zijn); waarden: aanname',
  '003_b01ffb2916f57b10.txt (stigma and distrust as barriers, above all when not transparent); MODEL.md 4.8; value: assumption (mostly opaque today)':
    '003_b01ffb2916f57b10.txt (stigma en wantrouwen als drempels, vooral zonder transparantie); MODEL.md 4.8; waarde: aanname (nu grotendeels ondoorzichtig)',
  'assumption: most people offered a programme accept':
    'aanname: de meeste mensen aan wie een programma wordt aangeboden, nemen het aan',
  '003_b01ffb2916f57b10.txt (distrust as a barrier); value: assumption':
    '003_b01ffb2916f57b10.txt (wantrouwen als drempel); waarde: aanname',
  '003_b01ffb2916f57b10.txt (culturally responsive interventions; cultural stigma around therapy); value: assumption':
    '003_b01ffb2916f57b10.txt (cultuursensitieve interventies; cultureel stigma rond therapie); waarde: aanname',
  '003_b01ffb2916f57b10.txt (stigma as a barrier); value: assumption':
    '003_b01ffb2916f57b10.txt (stigma als drempel); waarde: aanname',
  '003_b01ffb2916f57b10.txt (distrust); value: assumption': '003_b01ffb2916f57b10.txt (wantrouwen); waarde: aanname',
  '003_b01ffb2916f57b10.txt (resistance to ideological change); value: assumption':
    '003_b01ffb2916f57b10.txt (weerstand tegen ideologische verandering); waarde: aanname',
  'assumption: about seven weeks to half the target': 'aanname: ongeveer zeven weken tot de helft van het doel',
  '003_b01ffb2916f57b10.txt (short programmes often lead to no behavioural change); value: assumption':
    "003_b01ffb2916f57b10.txt (korte programma's leiden vaak niet tot gedragsverandering); waarde: aanname",
  '003_b01ffb2916f57b10.txt (long-term involvement recommended); value: assumption (about a school year)':
    '003_b01ffb2916f57b10.txt (langdurige betrokkenheid aanbevolen); waarde: aanname (ongeveer een schooljaar)',
  '003_b01ffb2916f57b10.txt (address more than one of the three factors: holistic rather than one-sided); value: assumption':
    '003_b01ffb2916f57b10.txt (meer dan één van de drie factoren aanpakken: integraal in plaats van eenzijdig); waarde: aanname',
  '003_b01ffb2916f57b10.txt (a more trauma- and context-sensitive approach); value: assumption':
    '003_b01ffb2916f57b10.txt (een meer trauma- en contextsensitieve aanpak); waarde: aanname',
  '003_b01ffb2916f57b10.txt (cognitive factors: critical thinking, tolerance of ambiguity); values: assumption':
    '003_b01ffb2916f57b10.txt (cognitieve factoren: kritisch denken, tolerantie voor ambiguïteit); waarden: aanname',
  '003_b01ffb2916f57b10.txt (psychosocial factors: emotion regulation, resilience, self-confidence); values: assumption':
    '003_b01ffb2916f57b10.txt (psychosociale factoren: emotieregulatie, weerbaarheid, zelfvertrouwen); waarden: aanname',
  '003_b01ffb2916f57b10.txt (re-engagement with education, skills); that this meets the meaning and identity needs: assumption; values: assumption':
    '003_b01ffb2916f57b10.txt (hernieuwde deelname aan onderwijs, vaardigheden); dat dit de behoeften aan zingeving en identiteit vervult: aanname; waarden: aanname',
  '003_b01ffb2916f57b10.txt (less support for political violence, resilience against recruitment, reintegration); values: assumption':
    '003_b01ffb2916f57b10.txt (minder steun voor politiek geweld, weerbaarheid tegen werving, re-integratie); waarden: aanname',
  '003_b01ffb2916f57b10.txt (civic and political competence); the effects on trust and the justice need: assumption; values: assumption':
    '003_b01ffb2916f57b10.txt (democratische en politieke vaardigheden); de effecten op vertrouwen en de rechtvaardigheidsbehoefte: aanname; waarden: aanname',
  'MODEL.md 5 (pathology treatment as a working element); 003_b01ffb2916f57b10.txt (no evaluated intervention targets psychopathology alone); value: assumption':
    'MODEL.md 5 (behandeling van pathologie als werkzaam element); 003_b01ffb2916f57b10.txt (geen geëvalueerde interventie richt zich alleen op psychopathologie); waarde: aanname',
};
