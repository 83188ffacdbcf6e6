package star

import "strings"

// The lexicon: what the scorer knows about common English words, enough to
// tell who did what and when in a clause — pronouns and the nouns that act
// in customer-service stories, auxiliaries and modals, common verbs with
// their irregular forms and a rough class, and the adverbs that mark a
// habit or a hypothetical. It is language knowledge, not a coach's rubric:
// the cue phrases a coach may argue with are in data/rubric.yaml.

// subject is who a clause is about.
type subject uint8

const (
	subjNone    subject = iota
	subjI               // I, me, myself
	subjWe              // we, our team when the speaker is in it
	subjYou             // you (often generic)
	subjPerson          // he, she, a named or definite person: the customer, my manager
	subjThey            // they
	subjThing           // it, this, that, the order, the system
	subjGeneric         // customers, people, everyone, a customer, anyone
	subjThere           // there was, there were
	numSubjects
)

var subjectNames = [numSubjects]string{"none", "i", "we", "you", "person", "they", "thing", "generic", "there"}

// verbClass is a rough meaning class of a verb.
type verbClass uint8

const (
	vcNone     verbClass = iota
	vcDo                 // called, checked, refunded: a step someone takes
	vcSay                // told, explained, apologised, asked
	vcMental             // realised, knew, noticed, learned
	vcState              // was, had, seemed, liked
	vcIntent             // needed, wanted, hoped, aimed
	vcOutcome            // resolved, improved, thanked, agreed, saved
	vcEvent              // happened, arrived, broke, came
	vcComplain           // complained, shouted, demanded, threatened
	numVerbClasses
)

var verbClassNames = [numVerbClasses]string{"none", "do", "say", "mental", "state", "intent", "outcome", "event", "complain"}

// verbForm marks which forms a word may be (several at once: "set").
type verbForm uint8

const (
	formBase verbForm = 1 << iota // call, go
	formS                         // calls, goes
	formPast                      // called, went
	formPP                        // called, gone
	formIng                       // calling, going
)

// wordFlag marks the other classes of a word.
type wordFlag uint32

const (
	fPronoun               wordFlag = 1 << iota // can be a subject by itself
	fDeterminer                                 // the, a, my
	fIndefinite                                 // a, an, any, every, some: a generic reading
	fAuxBe                                      // am, is, are, was, were, be, been, being
	fAuxHave                                    // have, has, had
	fAuxDo                                      // do, does, did
	fModal                                      // would, could, should, might, will, can, may, must
	fHypoModal                                  // would, could, should, might: what one would do
	fFutureModal                                // will, shall, gonna
	fNegator                                    // not, never, no
	fHabitual                                   // always, usually, normally, tend
	fIf                                         // if, whenever, suppose
	fNumber                                     // a figure: two, dozen, 40%, £60
	fMeasure                                    // CSAT, NPS, score, rating
	fPersonNoun                                 // customer, manager, colleague
	fCustomerNoun                               // customer, caller, guest
	fThingNoun                                  // order, system, parcel, bill
	fGenericNoun                                // customers, people, everyone
	fFeeling                                    // angry, upset, frustrated, happy
	fTime                                       // yesterday, monday, morning, ago
	fConnector                                  // so, then, but, and, because (clause openers)
	fOpinion                                    // believe, think, opinion, important
	fFirstPersonPossessive                      // my, our
	fSpeaker                                    // I, me, my, myself, mine
	fSpeakers                                   // we, us, our, ourselves, ours
)

// wordInfo is the lexicon's entry for one lower-case word form.
type wordInfo struct {
	flags wordFlag
	subj  subject   // when the word can be a subject
	form  verbForm  // when the word is a verb form
	class verbClass // the verb's class
	lemma string    // the verb's base form ("went" → "go")
}

// lexicon maps a lower-case word form (apostrophes removed from clitics:
// "didn't" is looked up as "did") to what is known of it.
var lexicon = buildLexicon()

func lookupWord(w string) *wordInfo {
	if e, ok := lexicon[w]; ok {
		return e
	}
	return nil
}

// verbData lists verbs as "base[/past/pp]" by class, in the order a
// word listed twice is read (the first class wins); a verb without
// forms given is regular.
var verbData = []struct {
	class verbClass
	verbs string
}{
	{vcDo, `
		accept add adjust allocate apply approve arrange assemble assess assign assist attach authorise
		authorize book bring/brought/brought build/built/built calculate call cancel change chase check clean
		clear close collect compare compensate complete connect contact coordinate copy correct count cover
		create credit cut/cut/cut deal/dealt/dealt deliver demonstrate deploy design diagnose dig/dug/dug
		dispatch document draft drive/drove/driven email enter escalate establish estimate examine exchange
		expedite fetch file fill find/found/found fix flag follow forward gather give/gave/given go/went/gone
		guide handle help highlight hold/held/held hurry identify implement install investigate issue
		keep/kept/kept label launch lead/led/led lend/lent/lent lift locate lock log look make/made/made map
		mark match message monitor move offer open order organise organize outline pack pay/paid/paid phone
		pick place plan post prepare present print prioritise prioritize process provide pull push
		put/put/put raise reach read/read/read rebook recalculate redirect refer refund register reinstall
		release remove reorder repair replace report request reroute research reserve reset/reset/reset
		resend/resent/resent restart restock retrieve review ring/rang/rung run/ran/run schedule search
		send/sent/sent set/set/set share ship show/showed/shown sign sit/sat/sat solve sort split/split/split
		start step stay submit supply support swap switch take/took/taken test text train transfer translate
		troubleshoot try turn type unlock update upgrade use verify visit waive walk wrap write/wrote/written
		tidy spend/spent/spent hand note plug load scan sweep/swept/swept trace track list draw/drew/drawn
		greet serve hire fire rush grab carry refill remake redo/redid/redone rearrange reassign reassess
		rerun/reran/rerun rewrite/rewrote/rewritten rebuild/rebuilt/rebuilt cc chat meet/met/met volunteer
		sell/sold/sold buy/bought/bought lay/laid/laid catch/caught/caught teach/taught/taught coach mentor
		shadow measure reconcile refile stand/stood/stood pop decide work let/let/let get/got/got spit/spat/spat
		wear/wore/worn hide/hid/hidden fly/flew/flown eat/ate/eaten drink/drank/drunk ride/rode/ridden
		shake/shook/shaken throw/threw/thrown forgive/forgave/forgiven sleep/slept/slept feed/fed/fed
		fight/fought/fought blow/blew/blown hang/hung/hung lie/lay/lain shut/shut/shut quit/quit/quit
		withdraw/withdrew/withdrawn oversee/oversaw/overseen undertake/undertook/undertaken
		overhear/overheard/overheard stick/stuck/stuck wake/woke/woken light/lit/lit slide/slid/slid
		spread/spread/spread strike/struck/struck`},
	{vcSay, `
		acknowledge advise apologise apologize ask assure clarify explain inform notify paraphrase promise
		reassure recommend reply respond say/said/said speak/spoke/spoken suggest summarise summarize talk
		tell/told/told thank warn remind answer confirm empathise empathize listen mention emphasise
		emphasize encourage invite propose persuade convince negotiate repeat describe discuss welcome
		comfort`},
	{vcMental, `
		realise realize notice know/knew/known think/thought/thought believe understand/understood/understood
		learn/learnt/learnt remember forget/forgot/forgotten see/saw/seen hear/heard/heard feel/felt/felt
		figure discover recognise recognize suspect wonder expect assume guess doubt consider
		determine judge sense spot imagine reflect`},
	{vcState, `
		be have seem appear sound belong contain cost/cost/cost own remain like love hate prefer enjoy mind
		matter depend deserve lack weigh mean/meant/meant exist include involve require concern`},
	{vcIntent, `
		need want hope aim intend wish strive attempt seek/sought/sought`},
	{vcOutcome, `
		resolve succeed improve increase decrease reduce fall/fell/fallen rise/rose/risen grow/grew/grown
		save win/won/won lose/lost/lost achieve recover renew praise appreciate agree receive halve boost
		exceed result manage become/became/become end work earn gain retain compliment settle restore return
		leave/left/left calm pass score rate drop climb hit/hit/hit beat/beat/beaten top`},
	{vcEvent, `
		happen occur arrive come/came/come break/broke/broken crash fail stop begin/began/begun miss expire
		wait freeze/froze/frozen overbook delay leak disappear vanish upset/upset/upset hurt/hurt/hurt
		arise/arose/arisen burst/burst/burst mislead/misled/misled misunderstand/misunderstood/misunderstood`},
	{vcComplain, `
		complain demand threaten shout yell scream argue refuse swear/swore/sworn insist rant accuse blame
		criticise criticize moan`},
}

// doublesFinal are regular verbs that double their last consonant
// (stopped, planned, cancelled); British and American forms both count.
var doublesFinal = map[string]bool{
	"plan": true, "stop": true, "chat": true, "ship": true, "log": true, "flag": true, "tag": true,
	"step": true, "admit": true, "refer": true, "prefer": true, "submit": true, "commit": true, "regret": true,
	"occur": true, "transfer": true, "control": true, "cancel": true, "label": true, "travel": true,
	"drop": true, "grab": true, "plug": true, "pop": true, "swap": true, "map": true, "rub": true, "scan": true,
	"slip": true, "trip": true, "jam": true, "wrap": true, "fit": true, "permit": true, "omit": true,
	"model": true, "equip": true, "refill": false, "rebook": false,
}

// americanSingle are doubled-l verbs whose American form keeps one l.
var americanSingle = map[string]bool{"cancel": true, "label": true, "travel": true, "model": true, "control": false}

// closedWords are the function words and nouns the features look for.
var closedWords = []struct {
	words string
	info  wordInfo
}{
	{"i me myself", wordInfo{flags: fPronoun, subj: subjI}},
	{"we us ourselves", wordInfo{flags: fPronoun, subj: subjWe}},
	{"you yourself", wordInfo{flags: fPronoun, subj: subjYou}},
	{"he she him her himself herself", wordInfo{flags: fPronoun, subj: subjPerson}},
	{"they them themselves", wordInfo{flags: fPronoun, subj: subjThey}},
	{"it this that which", wordInfo{flags: fPronoun, subj: subjThing}},
	{"there", wordInfo{flags: fPronoun, subj: subjThere}},
	{"everyone everybody anyone anybody someone somebody nobody people customers clients callers guests" +
		" shoppers patients passengers users members consumers folks", wordInfo{flags: fPronoun | fGenericNoun, subj: subjGeneric}},
	{"my our", wordInfo{flags: fDeterminer | fFirstPersonPossessive}},
	{"the his their your its this these those that", wordInfo{flags: fDeterminer}},
	{"a an any every each some another", wordInfo{flags: fDeterminer | fIndefinite}},
	{"am is are", wordInfo{flags: fAuxBe, form: formBase | formS, class: vcState, lemma: "be"}},
	{"was were", wordInfo{flags: fAuxBe, form: formPast, class: vcState, lemma: "be"}},
	{"be", wordInfo{flags: fAuxBe, form: formBase, class: vcState, lemma: "be"}},
	{"been", wordInfo{flags: fAuxBe, form: formPP, class: vcState, lemma: "be"}},
	{"being", wordInfo{flags: fAuxBe, form: formIng, class: vcState, lemma: "be"}},
	{"have has", wordInfo{flags: fAuxHave, form: formBase | formS, class: vcState, lemma: "have"}},
	{"had", wordInfo{flags: fAuxHave, form: formPast | formPP, class: vcState, lemma: "have"}},
	{"having", wordInfo{flags: fAuxHave, form: formIng, class: vcState, lemma: "have"}},
	{"do does", wordInfo{flags: fAuxDo, form: formBase | formS, class: vcDo, lemma: "do"}},
	{"did", wordInfo{flags: fAuxDo, form: formPast, class: vcDo, lemma: "do"}},
	{"done", wordInfo{form: formPP, class: vcDo, lemma: "do"}},
	{"doing", wordInfo{form: formIng, class: vcDo, lemma: "do"}},
	{"would should might", wordInfo{flags: fModal | fHypoModal}},
	{"could", wordInfo{flags: fModal | fHypoModal}},
	{"will shall gonna", wordInfo{flags: fModal | fFutureModal}},
	{"can may must", wordInfo{flags: fModal}},
	{"not never no without hardly nothing neither nor cannot", wordInfo{flags: fNegator}},
	{"always usually normally generally typically often frequently regularly tend tends sometimes" +
		" whenever constantly routinely", wordInfo{flags: fHabitual}},
	{"if unless suppose supposing imagine", wordInfo{flags: fIf}},
	{"two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty" +
		" hundred hundreds thousand thousands dozen dozens half million", wordInfo{flags: fNumber}},
	{"csat nps fcr sla aht kpi kpis score scores rating ratings survey surveys percent stars metrics",
		wordInfo{flags: fMeasure}},
	{"customer caller client guest passenger patient member shopper user buyer tenant resident diner" +
		" visitor subscriber gentleman lady man woman guy mother father mum dad mom grandmother grandfather" +
		" couple family son daughter husband wife owner student parent", wordInfo{flags: fPersonNoun | fCustomerNoun}},
	{"manager supervisor colleague coworker teammate boss agent lead leader engineer technician courier" +
		" driver team department staff director owner rep representative chef cashier nurse pharmacist" +
		" receptionist trainer mentor coach company store branch warehouse", wordInfo{flags: fPersonNoun}},
	{"order system parcel package bill invoice account card payment refund delivery item product phone" +
		" laptop line router booking flight room reservation app website site machine till screen shipment" +
		" problem issue queue call email ticket case", wordInfo{flags: fThingNoun}},
	{"angry furious upset frustrated annoyed irate livid stressed worried anxious confused scared nervous" +
		" rude aggressive impatient disappointed distressed panicked emotional happy pleased delighted" +
		" grateful relieved satisfied thrilled calm calmer", wordInfo{flags: fFeeling}},
	{"yesterday today monday tuesday wednesday thursday friday saturday sunday morning afternoon evening" +
		" night week month year years months weeks ago christmas january february march april june july" +
		" august september october november december summer winter spring autumn shift weekend",
		wordInfo{flags: fTime}},
	{"so then but and because however although though meanwhile afterwards finally eventually ultimately" +
		" overall also next first firstly secondly once when while after before since as until", wordInfo{flags: fConnector}},
	{"believe opinion important essential key crucial vital philosophy", wordInfo{flags: fOpinion}},
	{"i me my myself mine", wordInfo{flags: fSpeaker}},
	{"we us our ourselves ours", wordInfo{flags: fSpeakers}},
	// Clitics, split off their word by the tokenizer.
	{"n't", wordInfo{flags: fNegator}},
	{"'d", wordInfo{flags: fModal | fHypoModal}},
	{"'ll", wordInfo{flags: fModal | fFutureModal}},
	{"'m 're", wordInfo{flags: fAuxBe, form: formBase, class: vcState, lemma: "be"}},
	{"'ve", wordInfo{flags: fAuxHave, form: formBase, class: vcState, lemma: "have"}},
}

func buildLexicon() map[string]*wordInfo {
	lex := make(map[string]*wordInfo, 4096)
	add := func(w string, info wordInfo) {
		if e, ok := lex[w]; ok {
			// A word of two kinds ("that", "had", "left") keeps both.
			e.flags |= info.flags
			if e.subj == subjNone {
				e.subj = info.subj
			}
			e.form |= info.form
			if e.class == vcNone {
				e.class, e.lemma = info.class, info.lemma
			}
			return
		}
		cp := info
		lex[w] = &cp
	}
	for _, cw := range closedWords {
		for _, w := range strings.Fields(cw.words) {
			add(w, cw.info)
		}
	}
	for _, vd := range verbData {
		class := vd.class
		for _, spec := range strings.Fields(vd.verbs) {
			parts := strings.Split(spec, "/")
			base := parts[0]
			forms := verbForms(base)
			if len(parts) == 3 {
				forms.past, forms.pp = []string{parts[1]}, []string{parts[2]}
			}
			add(base, wordInfo{form: formBase, class: class, lemma: base})
			for _, f := range forms.s {
				add(f, wordInfo{form: formS, class: class, lemma: base})
			}
			for _, f := range forms.past {
				add(f, wordInfo{form: formPast, class: class, lemma: base})
			}
			for _, f := range forms.pp {
				add(f, wordInfo{form: formPP, class: class, lemma: base})
			}
			for _, f := range forms.ing {
				add(f, wordInfo{form: formIng, class: class, lemma: base})
			}
		}
	}
	// Learnt and learned, spelt and spelled: both are past forms.
	for _, w := range []string{"learned", "spelled", "burned", "dreamed", "dreamt", "gotten", "spoilt"} {
		add(w, wordInfo{form: formPast | formPP, class: vcMental, lemma: strings.TrimSuffix(w, "ed")})
	}
	return lex
}

type verbFormSet struct{ s, past, pp, ing []string }

// verbForms derives the regular forms of a verb.
func verbForms(base string) verbFormSet {
	var f verbFormSet
	last := base[len(base)-1]
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	switch {
	case strings.HasSuffix(base, "s") || strings.HasSuffix(base, "sh") || strings.HasSuffix(base, "ch") ||
		strings.HasSuffix(base, "x") || strings.HasSuffix(base, "z") || strings.HasSuffix(base, "o"):
		f.s = []string{base + "es"}
	case last == 'y' && len(base) > 1 && !vowel(base[len(base)-2]):
		f.s = []string{base[:len(base)-1] + "ies"}
	default:
		f.s = []string{base + "s"}
	}
	var past []string
	switch {
	case last == 'e':
		past = []string{base + "d"}
		f.ing = []string{base[:len(base)-1] + "ing"}
		if strings.HasSuffix(base, "ee") || strings.HasSuffix(base, "ye") {
			f.ing = []string{base + "ing"}
		}
	case last == 'y' && len(base) > 1 && !vowel(base[len(base)-2]):
		past = []string{base[:len(base)-1] + "ied"}
		f.ing = []string{base + "ing"}
	case doublesFinal[base]:
		d := base + string(last)
		past = []string{d + "ed"}
		f.ing = []string{d + "ing"}
		if americanSingle[base] {
			past = append(past, base+"ed")
			f.ing = append(f.ing, base+"ing")
		}
	default:
		past = []string{base + "ed"}
		f.ing = []string{base + "ing"}
	}
	f.past, f.pp = past, past
	return f
}

// notPastEd are words ending in "ed" that are not past forms of a verb.
var notPastEd = map[string]bool{
	"need": true, "bed": true, "red": true, "shed": true, "speed": true, "seed": true, "feed": true,
	"hundred": true, "indeed": true, "naked": true, "sacred": true, "wicked": true, "breed": true,
	"greed": true, "weed": true, "embed": true, "proceed": true, "exceed": true, "succeed": true,
	"fed": true, "led": true, "wed": true, "ted": true, "ned": true, "med": true, "ped": true,
	"deed": true, "heed": true, "reed": true, "steed": true, "tweed": true, "creed": true,
}

// guessVerb reads an unknown word's shape: "-ed" is a past form (or a
// participle), "-ing" a participle, and both are steps unless the
// lexicon knows better.
func guessVerb(w string) (verbForm, bool) {
	n := len(w)
	if n > 4 && strings.HasSuffix(w, "ed") && !notPastEd[w] && !(strings.HasSuffix(w, "eed") && n < 7) {
		return formPast | formPP, true
	}
	if n > 5 && strings.HasSuffix(w, "ing") && w != "thing" && w != "nothing" && w != "something" &&
		w != "anything" && w != "everything" && w != "morning" && w != "evening" && w != "during" &&
		w != "ceiling" && w != "string" && w != "spring" && w != "building" && w != "meeting" && w != "booking" &&
		w != "training" && w != "feeling" && w != "wedding" && w != "pudding" && w != "setting" {
		return formIng, true
	}
	return 0, false
}
