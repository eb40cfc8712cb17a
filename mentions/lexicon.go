package mentions

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/dossier-project/dossier/lexicon"
)

// Parts this stage reads from the lexicon.
const (
	Part      = "mentions"
	PartGiven = "mentions_given"
)

// lexiconFile is the shape of lexicon/data/<lang>/mentions.yaml.
type lexiconFile struct {
	FunctionWords []string `yaml:"function_words"`
	CommonWords   []string `yaml:"common_words"`
	Connectors    []string `yaml:"connectors"`
	Particles     []string `yaml:"particles"`
	// PlaceSuffixes end one-word names of streets and squares in the
	// languages that run them on ("Tarnoplatz", "Keizersgracht").
	PlaceSuffixes []string `yaml:"place_suffixes"`
	// LegalSuffixes are firms' legal forms ("Inc", "Ltd"), which end a
	// firm's name: no "of" goes on after one.
	LegalSuffixes []string `yaml:"legal_suffixes"`
	// PossessiveHeads, in lower case after a named office's possessive,
	// end a body's name ("the Harbourton County Sheriff's office").
	PossessiveHeads []string `yaml:"possessive_heads"`
	// DateModifiers, in lower case before a month, date it ("fin juin",
	// "early June"): no institution's name runs over them.
	DateModifiers []string `yaml:"date_modifiers"`
	// OrgHeadConnectors are head connectors that join only after an
	// organisation's head ("Committee to Protect Journalists", never
	// "Ferries to the Azores").
	OrgHeadConnectors []string `yaml:"org_head_connectors"`
	// PurposeConnectors join an institution's lower-case name to what it
	// stands against ("Observatoire de vigilance contre le racisme").
	PurposeConnectors []string `yaml:"purpose_connectors"`
	// MonthGivenNames: months that are first names too ("April Varga"):
	// before a surname they are names.
	MonthGivenNames []string `yaml:"month_given_names"`
	// NationalBodies: capitalised nouns that alone, after the article,
	// name the country's body ("the Army", "the Navy").
	NationalBodies []string `yaml:"national_bodies"`
	// LeaderBodies: nouns for a government or a term that a leader's
	// surname after them names ("la Commission Varnak", "le gouvernement
	// Philippe"): that name is the person's.
	LeaderBodies []string `yaml:"leader_bodies"`
	// HeadPrefixes: adjectives that open an institution's name before its
	// head ("Haute Autorité de santé", "Haut conseil pour le climat").
	HeadPrefixes []string `yaml:"head_prefixes"`
	// StateForms: the form of a state in its official name, before "of"
	// and the country ("the Federal Republic of Somalia").
	StateForms []string `yaml:"state_forms"`
	// SurnameHeads are places' heads that are common surnames too: after a
	// first name they end a person's name ("Lena Hill").
	SurnameHeads []string `yaml:"surname_heads"`
	// FirmRoleNouns are nouns for people that describe firms, teams and
	// states as often ("rival", "supplier", "champions"): before a name they
	// say nothing of its type, unlike "billionaire" or "gunman".
	FirmRoleNouns []string `yaml:"firm_role_nouns"`
	// PlaceInfixes join the parts of a town's hyphenated name
	// ("Châlons-en-Champagne", "Boulogne-sur-Mer"): a word holding one
	// between hyphens is a place's name.
	PlaceInfixes []string `yaml:"place_infixes"`
	// EraMarks follow a year of an era ("300 BCE"): after a
	// number they name nothing.
	EraMarks []string `yaml:"era_marks"`
	// EraNouns stand before an era's mark as a year does ("the 6th century BC").
	EraNouns []string `yaml:"era_nouns"`
	// WebSuffixes are the last labels of web addresses ("com", "org"): glued
	// to a name by a period they make a site's name ("Vessa.com").
	WebSuffixes []string `yaml:"web_suffixes"`
	// PersonParticles, in lower case between two capitalised words, make a
	// person's name ("Joost van der Brink", "Omar bin Tessal"): bodies
	// are not named so.
	PersonParticles []string            `yaml:"person_particles"`
	Articles        []string            `yaml:"articles"`
	OrgHeads        []string            `yaml:"org_heads"`
	LocHeads        []string            `yaml:"loc_heads"`
	LowerHeads      map[string][]string `yaml:"lower_heads"`
	PersonTitles    []string            `yaml:"person_titles"`
	// Honorifics are styles that stay part of the name ("Sir", "Dame").
	Honorifics []string `yaml:"honorifics"`
	// NameAbbreviations open names with their period ("St. Petersburg").
	NameAbbreviations []string `yaml:"name_abbreviations"`
	// NameStyles are person titles written as part of the name they open
	// when capitalised right before it (royal and religious styles: "Prince
	// Oru", "Sheikh Lena Varga"); alone they stay titles ("the Queen").
	NameStyles []string `yaml:"name_styles"`
	// AgentPreps introduce who does something ("signed by", "tué par"):
	// persons more often than places follow them.
	AgentPreps []string `yaml:"agent_preps"`
	// IndefiniteArticles make a lower-case head generic ("un tribunal de
	// Lyon" is a court in Lyon, "le tribunal de Paris" a name).
	IndefiniteArticles []string `yaml:"indefinite_articles"`
	// ContractedArticles hold an article ("du" = "de le", "au" = "à le"):
	// before a capitalised word they stand for the article a known name
	// opens with ("au Figaro" is "Le Figaro").
	ContractedArticles map[string]string `yaml:"contracted_articles"`
	// PostNominals follow a person's name and are no part of it ("Neil
	// Varga QC", "Lena Varga MP").
	PostNominals []string `yaml:"post_nominals"`
	// RankTitles are the titles followed by a surname even through a
	// particle ("le général de Villaret"), where an office is followed by
	// its domain ("le président de Vessarie").
	RankTitles  []string `yaml:"rank_titles"`
	PersonVerbs []string `yaml:"person_verbs"`
	LocPreps    []string `yaml:"loc_preps"`
	// VerbLocPreps are place prepositions only right after a verb ("arrivé
	// de Vessa"); after a noun they say whose it is ("le portrait de Varga").
	VerbLocPreps []string `yaml:"verb_loc_preps"`
	// NotPlacePreps are phrases that end with a place preposition and
	// introduce a source or an addressee, not a place ("according to",
	// "spoke to", "a déclaré à"): the name after them may be anyone's.
	NotPlacePreps []string `yaml:"not_place_preps"`
	// MemberNouns are plural nouns for an armed group's or a movement's
	// people: right after a name ("Tessaka militants") or before its "of"
	// ("fighters of Tessaka") they make it an organisation's.
	MemberNouns []string `yaml:"member_nouns"`
	// CompassPoints name a region of the country the article is about when
	// capitalised after an article, alone ("in the North", "dans le Sud").
	CompassPoints []string `yaml:"compass_points"`
	// PlaceParts: capitalised words after a place's name that name a part
	// of it, a district or a constituency ("Falkirk West", "Lille Sud").
	PlaceParts []string `yaml:"place_parts"`
	// RoadHeads end a road's name after an ordinal number ("117th Avenue").
	RoadHeads []string `yaml:"road_heads"`
	// RoadPrefixes open a road's name before its number ("Interstate 10",
	// "Route 66").
	RoadPrefixes []string `yaml:"road_prefixes"`
	// ResidentNouns, in lower case right after a name, make it the place
	// the person comes from ("a Harbourton man", "Limerick woman Ann Roe").
	ResidentNouns []string `yaml:"resident_nouns"`
	// MemberWords are capitalised nouns for the members of a party or a
	// faith ("Democrats", "Muslims"): after a place's name they end it, as a
	// resident noun does ("a Texas Democrat", "Harbourton Muslims").
	MemberWords []string `yaml:"member_words"`
	// AgeWords after a number, right before a name, make it a person's
	// ("2-year-old Lena Varga").
	AgeWords []string `yaml:"age_words"`
	// AgeUnits, after a number in parentheses right after a name, give a
	// person's age ("Lena (11 ans)", "Tom (5 years)").
	AgeUnits []string `yaml:"age_units"`
	// KinNouns are nouns of kinship and of one's close relations: in lower
	// case right before a name they make it a person's ("his daughter
	// Zorvena", "sa fille Zorvena", "trois filles Velka").
	KinNouns []string `yaml:"kin_nouns"`
	// WorkNouns name works that people make; a name after one and a
	// WorkPreps word is its maker's ("a symphony by Zorvenko", "le requiem
	// de Zorvenko").
	WorkNouns []string `yaml:"work_nouns"`
	WorkPreps []string `yaml:"work_preps"`
	// WorkIntros stand between a work's noun and its title ("films like
	// …", "des films comme …"): one or two words.
	WorkIntros []string `yaml:"work_intros"`
	// PlaceCompoundHeads make the name they are hyphenated to a place's
	// ("Kessington-based", "Norland-born").
	PlaceCompoundHeads []string `yaml:"place_compound_heads"`
	// GroupVerbs are phrases after a name that only an organisation is
	// subject of ("claimed responsibility", "a revendiqué").
	GroupVerbs []string `yaml:"group_verbs"`
	// PassiveAux and PersonParticiples: an auxiliary ("was", "has been",
	// "a été") and a participle only people undergo ("arrested", "born",
	// "interpellé") right after a name make it a person's.
	PassiveAux        []string `yaml:"passive_aux"`
	PersonParticiples []string `yaml:"person_participles"`
	// TeamVerbs after a place's name, TeamObjects before it, say that a
	// team named after the place played ("Kessel beat Dorun 2-1", "lost to
	// Kessel"): the name is the club's.
	TeamVerbs   []string `yaml:"team_verbs"`
	TeamObjects []string `yaml:"team_objects"`
	// SportsWords name a sport, a league or its tables ("standings",
	// "football"): in a document that uses one, a place's name opening a
	// line of numbers is a team's.
	SportsWords []string `yaml:"sports_words"`
	// VersusWords stand between two teams on a fixture's line ("NEW YORK AT
	// MIAMI", "Kessel v Dorun").
	VersusWords []string `yaml:"versus_words"`
	// CampusHeads open a body's name that a comma and a town's name end
	// ("University of California, Berkeley"): the campus.
	CampusHeads []string `yaml:"campus_heads"`
	// BodyConnectors join a body's capitalised words to the place it serves
	// ("Crime Watchers of Ohio", "Transport for London").
	BodyConnectors []string `yaml:"body_connectors"`
	// ShareNouns after a town's name make it a firm's ("Kessel shares rose").
	ShareNouns []string `yaml:"share_nouns"`
	// FirmRoles before "of" make the name after it a firm's ("the CEO of Snap").
	FirmRoles []string `yaml:"firm_roles"`
	// CreditCues open a list of the people who made a piece ("Reporting by
	// Lena Varga, Ann Roe and Tom Ash; editing by …", "Propos recueillis
	// par …"): its names are people's, unknown first names and all.
	CreditCues []string `yaml:"credit_cues"`
	// OutletCues before an article and a capitalised name say the name is a
	// newspaper's or a broadcaster's ("told the Irish Courier", "a déclaré
	// au Journal du Dimanche"): the whole name is kept, nationality word
	// and all.
	OutletCues []string `yaml:"outlet_cues"`
	// OutletHeads end newspapers' titles, which keep their article
	// wherever they stand ("The Kessel Times", "Mark Hicks, The Vessa
	// News").
	OutletHeads []string `yaml:"outlet_heads"`
	// FieldCues before capitalised common words say they name a field of
	// study, not a body ("professor of Social Policy", "a degree in
	// Latin American Studies").
	FieldCues    []string `yaml:"field_cues"`
	NotNames     []string `yaml:"not_names"`
	AkaCues      []string `yaml:"aka_cues"`
	Coordinators []string `yaml:"coordinators"`
	// HeadConnectors join two parts of a name only after a common head noun
	// ("Observatory for Water Rights", "Council for Water Security"), not
	// after a proper name ("Varga for the Post").
	HeadConnectors []string            `yaml:"head_connectors"`
	TailHeads      map[string][]string `yaml:"tail_heads"`
	NonEntity      []string            `yaml:"non_entity_heads"`
	// NonEntityNames are whole capitalised phrases that are designations,
	// statuses or instruments, not entities ("Foreign Terrorist
	// Organization", "Specially Designated Global Terrorist").
	NonEntityNames []string `yaml:"non_entity_names"`
	// Determiners right after a first name that opens its sentence make the
	// word a verb ("Mark my words", "Will the court …", "Sue the firm").
	Determiners []string `yaml:"determiners"`
	// LawHeads open the titles of laws and agreements in front of their
	// connector ("Treaty of Vessa", "Loi de programmation …", "Accord de
	// Paris"): the title, and the names inside it, are no entities.
	LawHeads []string `yaml:"law_heads"`
	// EponymNouns before one capitalised word that is no word of the
	// language name what a person leads or authored: the word is the
	// person's surname ("le gouvernement Tessier", "la loi Varga", "les
	// réformes Vessard").
	EponymNouns []string `yaml:"eponym_nouns"`
	// NicknameCues before a quotation mark introduce a nickname, a name
	// ("known as “El Vessa”", "surnommé « le Boucher »"), not a work's title.
	NicknameCues []string `yaml:"nickname_cues"`
	// WeaponNouns name arms and their ammunition ("rifles", "grenades",
	// "missiles"): a model's designation next to one, a number or capitals
	// in it, names a weapon, no entity ("AK-47 rifles", "grenades GLI-F4").
	WeaponNouns []string `yaml:"weapon_nouns"`
	// NonEntityPrefixes open names that are no entity of ours: ships ("USS
	// Cole", "HMS Vessa").
	NonEntityPrefixes []string `yaml:"non_entity_prefixes"`
	// NonEntitySuffixes end one-word names of doctrines and movements of
	// thought, no entity of ours ("Marxism", "Trumpism", "le gaullisme").
	NonEntitySuffixes []string `yaml:"non_entity_suffixes"`
	LocModifiers      []string `yaml:"loc_modifiers"`
	// LocPostModifiers follow a continent's or a world region's name and
	// make a region of it ("Afrique subsaharienne", "Asie centrale").
	LocPostModifiers []string `yaml:"loc_post_modifiers"`
	Adjectives       []string `yaml:"adjectives"`
	// CompoundHeads end a hyphenated compound whose first part is a name
	// ("Afghanistan-based", "Taliban-led"): the name is split off.
	CompoundHeads []string `yaml:"compound_heads"`
	// CompoundPrefixes open one ("anti-Taliban", "pro-ISIS").
	CompoundPrefixes []string `yaml:"compound_prefixes"`
	// GluedLabels are caption labels that scraped pages glue to the name
	// after them ("CreditLena Varga", "PhotoOmar Tess"), as written.
	GluedLabels []string `yaml:"glued_labels"`
	// PartyLetters abbreviate a legislator's party before the place they
	// represent ("R-Maine", "D-Vermont"), as written: the place is a name.
	PartyLetters []string `yaml:"party_letters"`
	// NounPrefixes open hyphenated compound nouns whose last part is in
	// lower case ("Sous-direction", "Vice-président"): such a word may open
	// a name the knowledge base knows ("Sous-direction antiterroriste").
	NounPrefixes []string `yaml:"noun_prefixes"`
	// BylineCues open a byline ("By Lena Varga and Tom Ash", "Par …"): a
	// line so opened is not a headline, whatever its capitals.
	BylineCues []string `yaml:"byline_cues"`
	// OutletWords say a medium reported something, or name one ("Malta
	// 24 reported", "the Malta 24 station", "Varnak 24 a diffusé"): a name
	// and a small number before one are a channel.
	OutletWords []string `yaml:"outlet_words"`
	// OrgNouns after a name make it an organisation's, and are not part of it
	// ("the Dorunian Socialist party", "le mouvement …" is lower_heads').
	OrgNouns []string `yaml:"org_nouns"`
	// NamePrefixes are capitalised adjectives that belong to an organisation's
	// name before a known one ("International Red Cross").
	NamePrefixes []string `yaml:"name_prefixes"`
	// LowercaseNames are institutions written wholly in lower case
	// ("parquet fédéral"), with their type.
	LowercaseNames map[string][]string `yaml:"lowercase_names"`
	// DemonymSuffixes end inhabitant nouns derived from a place name
	// ("Strasbourgeois", "Parisiens"); longest first is not required.
	DemonymSuffixes []string `yaml:"demonym_suffixes"`
	// DemonymWordSuffixes end nationality words of any country, known or
	// not, for the position test of demonymShaped.
	DemonymWordSuffixes []string `yaml:"demonym_word_suffixes"`
	// ContractedPreps are prepositions fused with an article ("du", "des"):
	// before a hyphenated capitalised compound they mark a place ("du Bas-Rhin").
	ContractedPreps []string `yaml:"contracted_preps"`
	// PlaceNouns name a kind of place: before "of"/"de" ("the town of X",
	// "la province de X") or right after a name ("the Ostral district") they
	// make an unknown name a place, without being part of it.
	PlaceNouns []string `yaml:"place_nouns"`
	// LowercaseTails: institution names capitalise only their first word.
	LowercaseTails bool `yaml:"lowercase_name_tails"`
	// AdjectivesFirst: adjectives stand before their noun, so a nationality
	// word right before a lower-case noun is an adjective ("Kuwaiti police"),
	// never the country.
	AdjectivesFirst bool `yaml:"adjectives_before_nouns"`
}

// givenFile is the shape of lexicon/data/<lang>/mentions_given.yaml.
type givenFile struct {
	GivenNames []string `yaml:"given_names"`
}

// Word classes, as bits of one map value keyed by folded word. All 32 bits
// are in use: a new class needs a wider type (uint64, in tok too).
type wordClass uint32

const (
	wFunction wordClass = 1 << iota
	wCommon
	wConnector
	wParticle
	wArticle
	wOrgHead
	wLocHead
	wTitle
	wPersonVerb
	wLocPrep
	wNotName
	wGiven
	wCoord
	wNonEntity
	wLocMod
	wLocPostMod
	wAdjective
	wCompoundHead
	wCompoundPrefix
	wNamePrefix
	wLowerStart // first word of a lower_heads or lowercase_names phrase
	wContracted
	// wDict: the language's dictionary lists the word in lower case and never
	// as a proper noun ("observatory", "gendarmerie"): alone and capitalised
	// it is a common word, not a name (lexicon/data/<lang>/common_words).
	wDict
	wHeadConn
	wPlaceNoun
	wRank
	wNounPrefix
	wByline
	wOutletWord
	wOrgNoun
	// wHonorific: a style that belongs to the name it opens ("Sir John
	// Saunders", "Dame …"), unlike a role, which is cut off.
	wHonorific
	// wNameAbbrev: an abbreviation that opens a place's name, its period
	// inside the name ("St. Petersburg", "Mt. Kenya").
	wNameAbbrev
)

// PartCommonWords is the generated word list of common words (tools/commonwords).
const PartCommonWords = "common_words"

// PartVerbForms is the generated list of verb forms that are no noun or
// adjective (tools/wordclasses), folded.
const PartVerbForms = "verb_forms"

// langRules is the compiled lexicon of one language.
type langRules struct {
	adjFirst bool // see lexiconFile.AdjectivesFirst
	words    map[string]wordClass
	// lowerHeads: folded phrase ("cour d'assises") → type, and the longest phrase in words.
	lowerHeads   map[string]string
	lowerHeadMax int
	// lowerNames: folded lower-case institution name ("parquet federal") → type.
	lowerNames map[string]string
	// nonEntityNames: folded phrases that are no entity (designations).
	nonEntityNames map[string]bool
	// nonEntityPrefixes: folded first words of names that are no entity.
	nonEntityPrefixes map[string]bool
	// nonEntitySuffixes: folded non_entity_suffixes.
	nonEntitySuffixes []string
	// gluedLabels: glued_labels as written; gluedFirst: their first bytes,
	// so that most words are passed over at once.
	gluedLabels []string
	gluedFirst  [256]bool
	// placeSuffixes: folded place_suffixes.
	placeSuffixes []string
	// passiveAux, personParticiples: see lexiconFile.
	passiveAux        *lexicon.Phrases
	personParticiples map[string]bool
	// legalSuffixes: folded legal_suffixes.
	legalSuffixes map[string]bool
	// possessiveHeads: folded possessive_heads.
	possessiveHeads map[string]bool
	// dateModifiers: folded date_modifiers.
	dateModifiers map[string]bool
	// purposeConnectors: folded purpose_connectors.
	purposeConnectors map[string]bool
	// orgHeadConnectors: folded org_head_connectors.
	orgHeadConnectors map[string]bool
	// monthGiven: folded month_given_names.
	monthGiven map[string]bool
	// nationalBodies: folded national_bodies.
	nationalBodies map[string]bool
	// leaderBodies: folded leader_bodies.
	leaderBodies map[string]bool
	// headPrefixes: folded head_prefixes.
	headPrefixes map[string]bool
	// stateForms: folded state_forms.
	stateForms map[string]bool
	// surnameHeads: folded surname_heads.
	surnameHeads map[string]bool
	// notNameCaps: folded not_names that are short acronyms, no names only
	// when written in capitals.
	notNameCaps map[string]bool
	// firmRoleNouns: folded firm_role_nouns.
	firmRoleNouns map[string]bool
	// placeInfixes: folded place_infixes, each between the spaces that
	// folding makes of hyphens (" sur ").
	placeInfixes []string
	// eraMarks: era_marks as written; eraNouns: folded era_nouns.
	eraMarks map[string]bool
	eraNouns map[string]bool
	// webSuffixes: folded web_suffixes.
	webSuffixes map[string]bool
	// personParticles: folded person_particles.
	personParticles map[string]bool
	// partyLetters: party_letters as written.
	partyLetters map[string]bool
	// personVerbs: the person verbs as written, lower-cased but with their
	// accents: folded, the French "a" (has) is the preposition "à".
	personVerbs map[string]bool
	// demonymSuffixes, demonymWordSuffixes: folded, longest first.
	demonymSuffixes, demonymWordSuffixes []string
	tailHeads                            map[string]string
	lowerTails                           bool
	akaCues                              map[string]bool // folded phrases
	akaCueMaxWord                        int
	// dict is lexicon/data/<lang>/common_words.txt: folded common words,
	// sorted, one per line (see inDict).
	dict string
	// verbs is the language's verb_forms list (sorted, folded), or "".
	verbs string
	// people is the language's person_nouns list: nouns that denote people
	// ("coach", "defender", "infirmière"), or "".
	people lexicon.WordList
	// adjectives is the language's generated adjectives list, or "".
	adjectives lexicon.WordList
	// agentPreps: folded agent prepositions ("by", "par").
	agentPreps map[string]bool
	nameStyles map[string]bool
	// indefinite: folded indefinite articles ("un", "une", "a").
	indefinite map[string]bool
	// contracted: folded contracted article → the folded article it holds.
	contracted map[string]string
	// postNominals: folded post-nominal letters ("qc", "mp").
	postNominals map[string]bool
	// notPlacePreps, groupVerbs: the not_place_preps and group_verbs
	// phrases, folded word by word.
	notPlacePreps, groupVerbs *lexicon.Phrases
	// teamVerbs, teamObjects: the team_verbs and team_objects phrases.
	teamVerbs, teamObjects *lexicon.Phrases
	// determiners: folded determiners.
	determiners map[string]bool
	// lawHeads: folded law_heads.
	lawHeads map[string]bool
	// eponymNouns: folded eponym_nouns.
	eponymNouns map[string]bool
	// nicknameCues: folded nickname_cues.
	nicknameCues map[string]bool
	// weaponNouns: folded weapon_nouns.
	weaponNouns map[string]bool
	// sportsWords, versusWords: folded sports_words and versus_words.
	sportsWords, versusWords map[string]bool
	// campusHeads: folded campus_heads.
	campusHeads map[string]bool
	// bodyConnectors: folded body_connectors.
	bodyConnectors map[string]bool
	// shareNouns: folded share_nouns.
	shareNouns map[string]bool
	// firmRoles: folded firm_roles.
	firmRoles map[string]bool
	// creditCues: the credit_cues phrases.
	creditCues *lexicon.Phrases
	// outletCues: the outlet_cues phrases.
	outletCues *lexicon.Phrases
	// outletHeads: folded outlet_heads.
	outletHeads map[string]bool
	// fieldCues: the field_cues phrases; fieldCueEnds their last words,
	// folded, a cheap test before the phrase matcher.
	fieldCues    *lexicon.Phrases
	fieldCueEnds map[string]bool
	// memberNouns: folded member_nouns.
	memberNouns map[string]bool
	// compass: folded compass_points; placeParts: folded place_parts.
	compass, placeParts map[string]bool
	// roadHeads: folded road_heads; roadPrefixes: folded road_prefixes.
	roadHeads, roadPrefixes map[string]bool
	// verbLocPreps: folded verb_loc_preps.
	verbLocPreps map[string]bool
	// ageWords: folded age_words.
	ageWords map[string]bool
	// ageUnits, kinNouns, workNouns, workPreps: the folded lists.
	ageUnits, kinNouns, workNouns, workPreps map[string]bool
	// workIntro: folded work intros ("like", "such as").
	workIntro map[string]bool
	// residentNouns: folded resident_nouns.
	residentNouns map[string]bool
	// memberWords: folded member_words.
	memberWords map[string]bool
	// placeCompoundHeads: folded place_compound_heads.
	placeCompoundHeads map[string]bool
}

func (r *langRules) class(folded []byte) wordClass { return r.words[string(folded)] }

// inDict reports whether the folded word is in the language's sorted list of
// common words (one per line), by binary search over the embedded text.
func (r *langRules) inDict(folded []byte) bool { return lexicon.WordList(r.dict).Has(folded) }

func (r *langRules) isVerb(folded []byte) bool { return lexicon.WordList(r.verbs).Has(folded) }

func (r *langRules) isPersonNoun(folded []byte) bool { return r.people.Has(folded) }

func (r *langRules) isAdjective(folded []byte) bool { return r.adjectives.Has(folded) }

func newLangRules() *langRules {
	return &langRules{words: map[string]wordClass{}, lowerHeads: map[string]string{}, tailHeads: map[string]string{}, akaCues: map[string]bool{},
		lowerNames: map[string]string{}, nonEntityNames: map[string]bool{}, nonEntityPrefixes: map[string]bool{}}
}

func (r *langRules) add(list []string, c wordClass) {
	for _, w := range list {
		k := fold(w)
		if k == "" {
			continue
		}
		r.words[k] |= c
	}
}

// addFile compiles f into r (several files may be merged into one rule set).
func (r *langRules) addFile(f *lexiconFile) error {
	r.add(f.FunctionWords, wFunction)
	r.add(f.CommonWords, wCommon)
	r.add(f.Connectors, wConnector)
	r.add(f.Particles, wParticle)
	r.add(f.Articles, wArticle)
	r.add(f.OrgHeads, wOrgHead)
	r.add(f.LocHeads, wLocHead)
	r.add(f.PersonTitles, wTitle)
	r.add(f.Honorifics, wHonorific)
	r.add(f.NameAbbreviations, wNameAbbrev)
	r.agentPreps = addFolded(r.agentPreps, f.AgentPreps)
	r.nameStyles = addFolded(r.nameStyles, f.NameStyles)
	r.postNominals = addFolded(r.postNominals, f.PostNominals)
	for c, art := range f.ContractedArticles {
		if r.contracted == nil {
			r.contracted = map[string]string{}
		}
		r.contracted[fold(c)] = fold(art)
	}
	r.indefinite = addFolded(r.indefinite, f.IndefiniteArticles)
	r.add(f.RankTitles, wTitle|wRank)
	r.add(f.PersonVerbs, wPersonVerb)
	if r.personVerbs == nil {
		r.personVerbs = map[string]bool{}
	}
	for _, w := range f.PersonVerbs {
		r.personVerbs[strings.ToLower(w)] = true
	}
	r.add(f.LocPreps, wLocPrep)
	r.placeCompoundHeads = addFolded(r.placeCompoundHeads, f.PlaceCompoundHeads)
	r.roadHeads = addFolded(r.roadHeads, f.RoadHeads)
	r.roadPrefixes = addFolded(r.roadPrefixes, f.RoadPrefixes)
	r.compass = addFolded(r.compass, f.CompassPoints)
	r.placeParts = addFolded(r.placeParts, f.PlaceParts)
	r.residentNouns = addFolded(r.residentNouns, f.ResidentNouns)
	r.memberWords = addFolded(r.memberWords, f.MemberWords)
	r.ageWords = addFolded(r.ageWords, f.AgeWords)
	r.ageUnits = addFolded(r.ageUnits, f.AgeUnits)
	r.kinNouns = addFolded(r.kinNouns, f.KinNouns)
	r.workNouns = addFolded(r.workNouns, f.WorkNouns)
	r.workPreps = addFolded(r.workPreps, f.WorkPreps)
	for _, w := range f.WorkIntros {
		if r.workIntro == nil {
			r.workIntro = map[string]bool{}
		}
		r.workIntro[strings.Join(strings.Fields(fold(w)), " ")] = true
	}
	r.verbLocPreps = addFolded(r.verbLocPreps, f.VerbLocPreps)
	r.memberNouns = addFolded(r.memberNouns, f.MemberNouns)
	r.groupVerbs = addPhrases(r.groupVerbs, f.GroupVerbs)
	r.teamVerbs = addPhrases(r.teamVerbs, f.TeamVerbs)
	r.passiveAux = addPhrases(r.passiveAux, f.PassiveAux)
	r.personParticiples = addFolded(r.personParticiples, f.PersonParticiples)
	r.teamObjects = addPhrases(r.teamObjects, f.TeamObjects)
	r.creditCues = addPhrases(r.creditCues, f.CreditCues)
	r.sportsWords = addFolded(r.sportsWords, f.SportsWords)
	r.versusWords = addFolded(r.versusWords, f.VersusWords)
	r.campusHeads = addFolded(r.campusHeads, f.CampusHeads)
	r.bodyConnectors = addFolded(r.bodyConnectors, f.BodyConnectors)
	r.shareNouns = addFolded(r.shareNouns, f.ShareNouns)
	r.firmRoles = addFolded(r.firmRoles, f.FirmRoles)
	r.outletCues = addPhrases(r.outletCues, f.OutletCues)
	r.outletHeads = addFolded(r.outletHeads, f.OutletHeads)
	r.fieldCues = addPhrases(r.fieldCues, f.FieldCues)
	for _, p := range f.FieldCues {
		if w := strings.Fields(phraseKey(p)); len(w) > 0 {
			r.fieldCueEnds = addFolded(r.fieldCueEnds, w[len(w)-1:])
		}
	}
	r.notPlacePreps = addPhrases(r.notPlacePreps, f.NotPlacePreps)
	for _, w := range f.NotNames {
		if letterCount(w) <= 3 && w == strings.ToUpper(w) && strings.ToLower(w) != w {
			// "CAP", "AG", "ET": a short acronym is no name in capitals
			// only; written "Cap", "Ag" or "Et" it is another word.
			r.notNameCaps = addFolded(r.notNameCaps, []string{w})
			continue
		}
		r.add([]string{w}, wNotName)
	}
	r.lowerTails = r.lowerTails || f.LowercaseTails
	r.adjFirst = r.adjFirst || f.AdjectivesFirst
	r.add(f.Coordinators, wCoord)
	r.add(f.HeadConnectors, wConnector|wHeadConn)
	r.add(f.NonEntity, wNonEntity)
	r.weaponNouns = addFolded(r.weaponNouns, f.WeaponNouns)
	r.nicknameCues = addFolded(r.nicknameCues, f.NicknameCues)
	r.eponymNouns = addFolded(r.eponymNouns, f.EponymNouns)
	r.lawHeads = addFolded(r.lawHeads, f.LawHeads)
	r.determiners = addFolded(r.determiners, f.Determiners)
	for _, p := range f.NonEntityNames {
		if k := phraseKey(p); k != "" {
			r.nonEntityNames[k] = true
		}
	}
	for _, w := range f.NonEntityPrefixes {
		if k := fold(w); k != "" {
			r.nonEntityPrefixes[k] = true
		}
	}
	for _, suf := range f.NonEntitySuffixes {
		if k := fold(suf); k != "" {
			r.nonEntitySuffixes = append(r.nonEntitySuffixes, k)
		}
	}
	r.add(f.LocModifiers, wLocMod)
	r.add(f.LocPostModifiers, wLocPostMod)
	r.add(f.Adjectives, wAdjective)
	r.add(f.CompoundHeads, wCompoundHead)
	r.add(f.CompoundPrefixes, wCompoundPrefix)
	r.gluedLabels = f.GluedLabels
	for _, l := range f.GluedLabels {
		if l != "" {
			r.gluedFirst[l[0]] = true
		}
	}
	r.personParticles = addFolded(r.personParticles, f.PersonParticles)
	r.surnameHeads = addFolded(r.surnameHeads, f.SurnameHeads)
	r.firmRoleNouns = addFolded(r.firmRoleNouns, f.FirmRoleNouns)
	r.webSuffixes = addFolded(r.webSuffixes, f.WebSuffixes)
	for _, w := range f.EraMarks {
		if r.eraMarks == nil {
			r.eraMarks = map[string]bool{}
		}
		r.eraMarks[w] = true
	}
	r.eraNouns = addFolded(r.eraNouns, f.EraNouns)
	for _, w := range f.PlaceInfixes {
		r.placeInfixes = append(r.placeInfixes, " "+fold(w)+" ")
	}
	r.possessiveHeads = addFolded(r.possessiveHeads, f.PossessiveHeads)
	r.dateModifiers = addFolded(r.dateModifiers, f.DateModifiers)
	r.purposeConnectors = addFolded(r.purposeConnectors, f.PurposeConnectors)
	r.orgHeadConnectors = addFolded(r.orgHeadConnectors, f.OrgHeadConnectors)
	r.monthGiven = addFolded(r.monthGiven, f.MonthGivenNames)
	r.nationalBodies = addFolded(r.nationalBodies, f.NationalBodies)
	r.leaderBodies = addFolded(r.leaderBodies, f.LeaderBodies)
	r.headPrefixes = addFolded(r.headPrefixes, f.HeadPrefixes)
	r.stateForms = addFolded(r.stateForms, f.StateForms)
	r.legalSuffixes = addFolded(r.legalSuffixes, f.LegalSuffixes)
	for _, suf := range f.PlaceSuffixes {
		r.placeSuffixes = append(r.placeSuffixes, fold(suf))
	}
	r.partyLetters = make(map[string]bool, len(f.PartyLetters))
	for _, l := range f.PartyLetters {
		r.partyLetters[l] = true
	}
	r.add(f.NounPrefixes, wNounPrefix)
	r.add(f.BylineCues, wByline)
	r.add(f.OutletWords, wOutletWord)
	r.add(f.OrgNouns, wOrgNoun)
	r.add(f.NamePrefixes, wNamePrefix)
	r.add(f.ContractedPreps, wContracted)
	r.add(f.PlaceNouns, wPlaceNoun)
	for _, sfx := range f.DemonymSuffixes {
		if k := fold(sfx); k != "" && !slices.Contains(r.demonymSuffixes, k) {
			r.demonymSuffixes = append(r.demonymSuffixes, k)
		}
	}
	// Longest first, so "iennes" is tried before "iens".
	slices.SortStableFunc(r.demonymSuffixes, func(a, b string) int { return len(b) - len(a) })
	for _, sfx := range f.DemonymWordSuffixes {
		if k := fold(sfx); k != "" && !slices.Contains(r.demonymWordSuffixes, k) {
			r.demonymWordSuffixes = append(r.demonymWordSuffixes, k)
		}
	}
	slices.SortStableFunc(r.demonymWordSuffixes, func(a, b string) int { return len(b) - len(a) })
	for typ, phrases := range f.LowercaseNames {
		if typ != "PER" && typ != "ORG" && typ != "LOC" {
			return fmt.Errorf("lowercase_names: bad type %q", typ)
		}
		for _, p := range phrases {
			k := phraseKey(p)
			if k == "" {
				continue
			}
			r.lowerNames[k] = typ
			r.lowerHeadMax = max(r.lowerHeadMax, strings.Count(k, " ")+1)
			r.words[firstWord(k)] |= wLowerStart
		}
	}
	for typ, words := range f.TailHeads {
		if typ != "PER" && typ != "ORG" && typ != "LOC" {
			return fmt.Errorf("tail_heads: bad type %q", typ)
		}
		for _, w := range words {
			r.tailHeads[fold(w)] = typ
		}
	}
	for typ, phrases := range f.LowerHeads {
		if typ != "PER" && typ != "ORG" && typ != "LOC" {
			return fmt.Errorf("lower_heads: bad type %q", typ)
		}
		for _, p := range phrases {
			k := phraseKey(p)
			if k == "" {
				continue
			}
			r.lowerHeads[k] = typ
			r.words[firstWord(k)] |= wLowerStart
			r.lowerHeadMax = max(r.lowerHeadMax, strings.Count(k, " ")+1)
		}
	}
	for _, p := range f.AkaCues {
		k := phraseKey(p)
		if k == "" {
			continue
		}
		r.akaCues[k] = true
		r.akaCueMaxWord = max(r.akaCueMaxWord, strings.Count(k, " ")+1)
	}
	return nil
}

// firstWord returns the first space-separated word of a folded phrase.
func firstWord(k string) string {
	if i := strings.IndexByte(k, ' '); i >= 0 {
		return k[:i]
	}
	return k
}

// addFolded adds the folded words to set, made on the first word (a
// language whose lexicon lists none keeps a nil set).
func addFolded(set map[string]bool, words []string) map[string]bool {
	for _, w := range words {
		if set == nil {
			set = map[string]bool{}
		}
		set[fold(w)] = true
	}
	return set
}

// addPhrases adds the phrases, folded word by word (phraseKey), to set,
// made on the first phrase.
func addPhrases(set *lexicon.Phrases, phrases []string) *lexicon.Phrases {
	for _, p := range phrases {
		if set == nil {
			set = &lexicon.Phrases{}
		}
		set.Add(strings.Fields(phraseKey(p)))
	}
	return set
}

// sentenceWords reads the folded words of one sentence's tokens for the
// phrase matcher (lexicon.Forward, lexicon.Backward); punctuation and the
// other sentences' tokens are no words.
type sentenceWords struct {
	ws   *workspace
	sent int32
}

func (w sentenceWords) Word(j int) ([]byte, bool) {
	if j < 0 || j >= len(w.ws.toks) || !w.ws.toks[j].word || w.ws.toks[j].sent != w.sent {
		return nil, false
	}
	return w.ws.foldOf(&w.ws.toks[j]), true
}

// phraseKey folds a phrase word by word, splitting French elisions off the
// word they stick to, the way the segmenter does ("d'assises" → "d' assises").
func phraseKey(p string) string {
	var out []byte
	for _, w := range splitPhrase(p) {
		f := appendFold(nil, w)
		if len(f) == 0 {
			continue
		}
		if len(out) > 0 {
			out = append(out, ' ')
		}
		out = append(out, f...)
	}
	return string(out)
}

// appendPhraseKey appends phraseKey(p) to dst without allocating.
func appendPhraseKey(dst []byte, p string) []byte {
	start := len(dst)
	for len(p) > 0 {
		i := strings.IndexByte(p, ' ')
		w := p
		if i >= 0 {
			w, p = p[:i], p[i+1:]
		} else {
			p = ""
		}
		for w != "" {
			piece := w
			if cut := elisionEnd(w); cut > 0 && cut < len(w) {
				piece, w = w[:cut], w[cut:]
			} else {
				w = ""
			}
			n := len(dst)
			if n > start {
				dst = append(dst, ' ')
			}
			if dst = appendFold(dst, piece); len(dst) == n+1 && n > start {
				dst = dst[:n] // (a piece that folds to nothing adds no space)
			}
		}
	}
	return dst
}

// splitPhrase splits a name as written into word-like pieces: on spaces, and
// after an elided article of one or two letters ("l'", "d’", "qu'").
func splitPhrase(p string) []string {
	var out []string
	for _, f := range strings.Fields(p) {
		for {
			cut := elisionEnd(f)
			if cut <= 0 || cut >= len(f) {
				break
			}
			out = append(out, f[:cut])
			f = f[cut:]
		}
		out = append(out, f)
	}
	return out
}

// elisionEnd returns the byte length of a leading elision ("l'", "qu’") in w, or 0.
func elisionEnd(w string) int {
	for i, r := range w {
		if isApostrophe(r) {
			if i == 0 || i > 3 {
				return 0
			}
			n := len(string(r))
			return i + n
		}
		if r > 0x7F && r != 'ʼ' {
			return 0
		}
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return 0
		}
	}
	return 0
}

// PartGivenList is a generated list of first names, one per line as written
// (tools/commonwords: Dicollecte's first names that are no common word).
const PartGivenList = "given_names"

// PartGivenCommon is a generated list of first names that are common words
// too, folded, one per line (tools/commonwords: "brad", "pierre").
const PartGivenCommon = "given_common"

// PartGivenPlaces is a generated list of first names that are places'
// names too, folded, one per line (tools/commonwords: "jordan", "sydney").
const PartGivenPlaces = "given_places"

// PartNamedInstances is a generated list of names of people, places and
// bodies with their type, folded, one "name<TAB>TYPE" per line
// (tools/wordclasses, from WordNet: "beethoven PER", "bronx LOC").
const PartNamedInstances = "named_instances"

// loadNamedTypes merges every language's named_instances list.
func loadNamedTypes(lex *lexicon.Set) (map[string]string, error) {
	out := map[string]string{}
	err := eachListLine(lex, PartNamedInstances, func(line string) {
		if name, typ, ok := strings.Cut(line, "\t"); ok {
			out[name] = typ
		}
	})
	return out, err
}

// loadGivenCommon merges every language's given_common list.
func loadGivenCommon(lex *lexicon.Set) (map[string]bool, error) {
	return loadFoldedList(lex, PartGivenCommon)
}

// loadFoldedList merges every language's generated list name of folded
// words into a set.
func loadFoldedList(lex *lexicon.Set, name string) (map[string]bool, error) {
	out := map[string]bool{}
	err := eachListLine(lex, name, func(line string) { out[line] = true })
	return out, err
}

// GivenNames lists the common given names of every language's lexicon, the
// hand-written ones and the generated lists (the knowledge base's people's
// first words are not among them).
func GivenNames(lex *lexicon.Set) ([]string, error) {
	var given []string
	for _, lang := range lex.Langs(PartGiven) {
		var g givenFile
		if err := lex.Load(lang, PartGiven, &g); err != nil {
			return nil, fmt.Errorf("mentions: %w", err)
		}
		given = append(given, g.GivenNames...)
	}
	err := eachListLine(lex, PartGivenList, func(line string) { given = append(given, line) })
	return given, err
}

// eachListLine calls fn with every non-blank line of the generated list
// name of each language that has a mentions lexicon.
func eachListLine(lex *lexicon.Set, name string, fn func(string)) error {
	for _, lang := range lex.Langs(Part) {
		list, err := lex.Text(lang, name)
		if errors.Is(err, lexicon.ErrNoLexicon) {
			continue
		}
		if err != nil {
			return fmt.Errorf("mentions: %w", err)
		}
		for line := range strings.SplitSeq(list, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				fn(line)
			}
		}
	}
	return nil
}

// loadRules compiles every language in lex that has a mentions file. The
// given-name lists of all languages are merged into every language: an
// article in French names Arabic and English people too.
func loadRules(lex *lexicon.Set) (map[string]*langRules, *langRules, error) {
	langs := lex.Langs(Part)
	if len(langs) == 0 {
		return nil, nil, fmt.Errorf("mentions: %w for part %q in any language", lexicon.ErrNoLexicon, Part)
	}
	given, err := GivenNames(lex)
	if err != nil {
		return nil, nil, err
	}
	byLang := make(map[string]*langRules, len(langs))
	files := make(map[string]*lexiconFile, len(langs))
	union := newLangRules()
	for _, lang := range langs {
		f := &lexiconFile{}
		if err := lex.Load(lang, Part, f); err != nil {
			return nil, nil, fmt.Errorf("mentions: %w", err)
		}
		files[lang] = f
		r := newLangRules()
		if err := r.addFile(f); err != nil {
			return nil, nil, fmt.Errorf("mentions: %s: %w", lang, err)
		}
		r.add(given, wGiven)
		// Only the document's own language says a word is common: a French
		// common noun may be an English name, so the union gets none.
		common, err := lex.Text(lang, PartCommonWords)
		if err != nil && !errors.Is(err, lexicon.ErrNoLexicon) {
			return nil, nil, fmt.Errorf("mentions: %w", err)
		}
		r.dict = common
		verbs, err := lex.Text(lang, PartVerbForms)
		if err != nil && !errors.Is(err, lexicon.ErrNoLexicon) {
			return nil, nil, fmt.Errorf("mentions: %w", err)
		}
		r.verbs = verbs
		if r.people, err = lex.List(lang, lexicon.PersonNouns); err != nil {
			return nil, nil, fmt.Errorf("mentions: %w", err)
		}
		if r.adjectives, err = lex.List(lang, lexicon.Adjectives); err != nil {
			return nil, nil, fmt.Errorf("mentions: %w", err)
		}
		byLang[lang] = r
		if err := union.addFile(f); err != nil {
			return nil, nil, fmt.Errorf("mentions: %s: %w", lang, err)
		}
	}
	// Names travel untranslated ("la Premier League", "the Conseil
	// d'État"): another language's capitalised heads head names here too,
	// unless the word is one of this language's own common words ("Court",
	// "Mail" in French).
	for lang, r := range byLang {
		for other, f := range files {
			if other == lang {
				continue
			}
			surnames := addFolded(nil, f.SurnameHeads)
			for _, list := range []struct {
				words []string
				c     wordClass
			}{{f.OrgHeads, wOrgHead}, {f.LocHeads, wLocHead}} {
				for _, w := range list.words {
					k := fold(w)
					if k == "" || w == strings.ToLower(w) || r.words[k]&(wOrgHead|wLocHead) != 0 || r.inDict([]byte(k)) ||
						r.words[k]&(wFunction|wCommon|wTitle) != 0 || surnames[k] {
						continue // ("Park": a surname as often, "Park Geun-hye")
					}
					r.words[k] |= list.c
				}
			}
		}
	}
	union.add(given, wGiven)
	if len(union.words) == 0 {
		return nil, nil, errors.New("mentions: empty lexicon")
	}
	return byLang, union, nil
}
