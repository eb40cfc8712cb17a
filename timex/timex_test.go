package timex

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/lexicon"
	"github.com/dossier-project/dossier/segment"
)

func newStage(tb testing.TB) *Stage {
	tb.Helper()
	s, err := New(lexicon.Default())
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// want is one expected Timex: the exact text it covers, its value and whether it is relative.
type want struct {
	text     string
	value    string
	relative bool
}

func TestTimexTable(t *testing.T) {
	stage := newStage(t)
	pub := time.Date(2021, 8, 22, 0, 0, 0, 0, time.UTC) // a Sunday
	tests := []struct {
		name string
		lang string
		pub  time.Time
		text string
		want []want
	}{
		{"en day month year", "en", time.Time{}, "The siege ended on 15 August 2021 after talks.",
			[]want{{"15 August 2021", "2021-08-15", false}}},
		{"en month day ordinal comma year", "en", time.Time{}, "Talks began on August 15th, 2021 in Doha.",
			[]want{{"August 15th, 2021", "2021-08-15", false}}},
		{"en ordinal of month", "en", time.Time{}, "It happened on the 3rd of March 2019.",
			[]want{{"3rd of March 2019", "2019-03-03", false}}},
		{"en abbreviated month", "en", time.Time{}, "Filed Nov. 3, 2020 and Oct 2017.",
			[]want{{"Nov. 3, 2020", "2020-11-03", false}, {"Oct 2017", "2017-10", false}}},
		{"iso and numeric", "en", time.Time{}, "Logged 2021-08-15; form dated 25/12/2020; code 03/11/2020.",
			[]want{{"2021-08-15", "2021-08-15", false}, {"25/12/2020", "2020-12-25", false}, {"03/11/2020", "2020-11-03", false}}},
		{"en ambiguous numeric date alone", "en", time.Time{}, "Logged 2021-08-15; code 03/11/2020.",
			[]want{{"2021-08-15", "2021-08-15", false}}},
		{"year first with slashes and dots", "en", time.Time{}, "Filed 2031/05/17, amended 2031.6.2.",
			[]want{{"2031/05/17", "2031-05-17", false}, {"2031.6.2", "2031-06-02", false}}},
		{"en dotted numeric date is day first", "en", time.Time{}, "Posted 01.11.2031 09:15 PM; form 03/11/2031.",
			[]want{{"01.11.2031", "2031-11-01", false}}},
		{"en ambiguous numeric date read as the document's others", "en", time.Time{}, "Filed 11/18/2031; amended 03/11/2032.",
			[]want{{"11/18/2031", "2031-11-18", false}, {"03/11/2032", "2032-03-11", false}}},
		{"en ambiguous numeric date, the document's others day first", "en", time.Time{}, "Filed 18/11/2031; amended 03/11/2032.",
			[]want{{"18/11/2031", "2031-11-18", false}, {"03/11/2032", "2032-11-03", false}}},
		{"en ambiguous numeric date, both orders in the document", "en", time.Time{}, "Filed 18/11/2031 and 11/19/2031; amended 03/11/2032.",
			[]want{{"18/11/2031", "2031-11-18", false}, {"11/19/2031", "2031-11-19", false}}},
		{"fr numeric day first", "fr", time.Time{}, "Le décret du 03/11/2020 est paru.",
			[]want{{"03/11/2020", "2020-11-03", false}}},
		{"fr numeric two-digit year", "fr", time.Time{}, "Publié le 02/11/23 à 16h33, modifié le 30/12/98 ; version 2.4.10.",
			[]want{{"02/11/23", "2023-11-02", false}, {"30/12/98", "1998-12-30", false}}},
		{"en two-digit year after an abbreviated month", "en", time.Time{}, "Published 27 Mar 20 at 9:21. On 27 Mar 20 people marched. Posted 8 Nov 23",
			[]want{{"27 Mar 20", "2020-03-27", false}, {"8 Nov 23", "2023-11-08", false}}},
		{"en year with cue", "en", time.Time{}, "The group formed in 2014 and has grown since 2016; 2000 fighters remain.",
			[]want{{"2014", "2014", false}, {"2016", "2016", false}}},
		{"en year glued to a clock time", "en", time.Time{}, "Published Tue, Dec 20 201610:32 AM EST; updated December 15, 20163:33 PM ET; code 202699:10.",
			[]want{{"Tue, Dec 20 201610", "2016-12-20", false}, {"December 15, 20163", "2016-12-15", false}}},
		{"en month year", "en", time.Time{}, "In March 2016 the cell was dismantled.",
			[]want{{"March 2016", "2016-03", false}}},
		{"en may verb and march name", "en", pub, "Officials may act. March said they would march.",
			nil},
		{"en amounts and codes", "en", pub, "He paid €15 May fees, scored 3-1, aged 15, after 9/11.",
			nil},
		{"en weekday with date, no year", "en", pub, "Kabul fell on Sunday August 15th, a week ago.",
			[]want{{"Sunday August 15th", "2021-08-15", true}, {"a week ago", "2021-08-15", true}}},
		{"en weekday parenthesised", "en", time.Date(2014, 5, 12, 0, 0, 0, 0, time.UTC), "Asked on Friday (9 May), he declined.",
			[]want{{"Friday (9 May)", "2014-05-09", true}}},
		{"en bare weekdays", "en", pub, "Police said Monday that the attack late Friday night was planned last Tuesday.",
			[]want{{"Monday", "2021-08-16", true}, {"Friday night", "2021-08-20", true}, {"last Tuesday", "2021-08-17", true}}},
		{"en named day is not a date", "en", pub, "The Easter Sunday bombings killed many.",
			nil},
		{"en relative", "en", pub, "Yesterday the court ruled; last week it heard two years ago's case and this week it rests.",
			[]want{{"Yesterday", "2021-08-21", true}, {"last week", "2021-08-15", true}, {"two years ago", "2019", true}, {"this week", "2021-08-22", true}}},
		{"en bare month with cue", "en", pub, "They met in October and again in August.",
			[]want{{"October", "2020-10", true}, {"August", "2021-08", true}}},
		{"en relative skipped without reference", "en", time.Time{}, "Yesterday, in October, on Monday.",
			nil},
		{"fr full date with ordinal", "fr", time.Time{}, "La loi du 1er juillet 2014 a été votée.",
			[]want{{"1er juillet 2014", "2014-07-01", false}}},
		{"fr event name", "fr", pub, "Le procès du 13-Novembre s'est ouvert.",
			nil},
		{"fr weekday day month", "fr", time.Date(2023, 11, 28, 0, 0, 0, 0, time.UTC), "L'attaque a eu lieu dimanche 26 novembre à l'aube.",
			[]want{{"dimanche 26 novembre", "2023-11-26", true}}},
		{"fr relatives", "fr", pub, "Hier, il a été arrêté ; il y a deux ans, mardi dernier et lundi soir, la semaine dernière aussi.",
			[]want{{"Hier", "2021-08-21", true}, {"il y a deux ans", "2019", true}, {"mardi dernier", "2021-08-17", true},
				{"lundi soir", "2021-08-16", true}, {"la semaine dernière", "2021-08-15", true}}},
		{"fr year and month", "fr", pub, "Arrivé en 2016, il est reparti en octobre, puis en mars 2019.",
			[]want{{"2016", "2016", false}, {"octobre", "2020-10", true}, {"mars 2019", "2019-03", false}}},
		{"fr apostrophe phrase", "fr", pub, "Aujourd’hui comme l’année dernière.",
			[]want{{"Aujourd’hui", "2021-08-22", true}, {"l’année dernière", "2020", true}}},
		{"unknown language falls back to all", "", time.Time{}, "Signé le 3 novembre 2014 et on 4 May 2015.",
			[]want{{"3 novembre 2014", "2014-11-03", false}, {"4 May 2015", "2015-05-04", false}}},
		{"year-less date near publication", "en", time.Date(2024, 7, 21, 0, 0, 0, 0, time.UTC), "Ahead of the July 26 opening, reported on July 19 and December 2.",
			[]want{{"July 26", "2024-07-26", true}, {"July 19", "2024-07-19", true}, {"December 2", "2023-12-02", true}}},
		{"year glued to the next line's first word", "en", time.Time{}, "Published March 3, 2031Last updated May 9, 2032This article",
			[]want{{"March 3, 2031", "2031-03-03", false}, {"May 9, 2032", "2032-05-09", false}}},
		{"footnote after year", "en", time.Time{}, "As argued in October 2020.1 That piece",
			[]want{{"October 2020", "2020-10", false}}},
	}
	seg := newSegmenter(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// The stage reads the segmenter's tokens, as in the pipeline.
			toks, _ := seg.Segment(tc.text, tc.lang, nil)
			doc := &dossier.Document{Text: tc.text, Lang: tc.lang, Tokens: toks, Meta: dossier.Meta{Published: tc.pub}}
			if err := stage.Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			var got []want
			for _, tx := range doc.Timexes {
				got = append(got, want{tc.text[tx.Start:tx.End], tx.Value, tx.Relative})
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d timexes %v, want %d %v", len(got), got, len(tc.want), tc.want)
			}
			from := 0
			for i, w := range tc.want {
				if got[i] != w {
					t.Errorf("timex %d = %+v, want %+v", i, got[i], w)
				}
				idx := strings.Index(tc.text[from:], w.text)
				if idx < 0 || doc.Timexes[i].Start != from+idx {
					t.Errorf("timex %d starts at %d, want first occurrence of %q after %d", i, doc.Timexes[i].Start, w.text, from)
				} else {
					from += idx + len(w.text)
				}
			}
		})
	}
}

func TestPrecision(t *testing.T) {
	stage := newStage(t)
	doc := &dossier.Document{Text: "On 5 May 2020, in June 2019, in 2018.", Lang: "en"}
	if err := stage.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	want := []dossier.Precision{dossier.PrecisionDay, dossier.PrecisionMonth, dossier.PrecisionYear}
	if len(doc.Timexes) != len(want) {
		t.Fatalf("got %+v", doc.Timexes)
	}
	for i, p := range want {
		if doc.Timexes[i].Precision != p {
			t.Errorf("timex %d precision %s, want %s", i, doc.Timexes[i].Precision, p)
		}
	}
}

func TestSkipsBoilerplate(t *testing.T) {
	stage := newStage(t)
	text := "Updated 3 March 2023\nThe raid took place on 1 March 2023.\n"
	doc := &dossier.Document{Text: text, Lang: "en", Boilerplate: []dossier.Span{{Start: 0, End: 21}}}
	if err := stage.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Timexes) != 1 || doc.Timexes[0].Value != "2023-03-01" {
		t.Fatalf("got %+v, want only the body date", doc.Timexes)
	}
}

func TestInvalidDatesRejected(t *testing.T) {
	stage := newStage(t)
	doc := &dossier.Document{Text: "Dated 31 February 2021, 2021-13-01 and Monday 3 March 2021.", Lang: "en"}
	if err := stage.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	// 3 March 2021 was a Wednesday: the contradictory weekday voids it.
	if len(doc.Timexes) != 0 {
		t.Fatalf("got %+v, want none", doc.Timexes)
	}
}

func TestBadLexicon(t *testing.T) {
	if _, err := New(nil); err == nil {
		t.Error("New(nil) succeeded")
	}
}

func TestContextCancelled(t *testing.T) {
	stage := newStage(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc := &dossier.Document{Text: "On 5 May 2020.", Lang: "en"}
	if err := stage.Process(ctx, doc); err == nil {
		t.Error("Process ignored a cancelled context")
	}
}

func checkTimexes(t *testing.T, text string, got []dossier.Timex) {
	t.Helper()
	prev := 0
	for _, tx := range got {
		if tx.Start < 0 || tx.End > len(text) || tx.Start > tx.End {
			t.Fatalf("span %v out of range for %d bytes", tx.Span, len(text))
		}
		if tx.Start < prev {
			t.Fatalf("spans not sorted/disjoint: %v after %d", tx.Span, prev)
		}
		prev = tx.End
		if utf8.ValidString(text) && !utf8.ValidString(text[tx.Start:tx.End]) {
			t.Fatalf("span %v cuts a rune", tx.Span)
		}
		if tx.Value == "" || (tx.Precision != dossier.PrecisionDay && tx.Precision != dossier.PrecisionMonth && tx.Precision != dossier.PrecisionYear) {
			t.Fatalf("bad timex %+v", tx)
		}
		layout := map[dossier.Precision]string{dossier.PrecisionDay: "2006-01-02", dossier.PrecisionMonth: "2006-01", dossier.PrecisionYear: "2006"}[tx.Precision]
		if _, err := time.Parse(layout, tx.Value); err != nil {
			t.Fatalf("value %q does not match precision %s: %v", tx.Value, tx.Precision, err)
		}
	}
}

func FuzzTimex(f *testing.F) {
	for _, s := range []string{
		"On Sunday August 15th, a week ago, 2021-08-15 and 15/08/2021.",
		"le 1er juillet 2014, il y a deux ans, mardi dernier, la semaine dernière",
		"Friday (9 May) in 2014 March 2016 €15 9/11 13-Novembre",
		"\xff\xfe 12 \xc3 mai 2020 \u00a0août 2021",
		"",
	} {
		f.Add(s, "en", int64(0))
		f.Add(s, "fr", int64(1629590400))
	}
	stage := newStage(f)
	seg := newSegmenter(f)
	f.Fuzz(func(t *testing.T, text, lang string, pubUnix int64) {
		doc := &dossier.Document{Text: text, Lang: lang}
		if pubUnix > 0 && pubUnix < 1<<35 {
			doc.Meta.Published = time.Unix(pubUnix, 0).UTC()
		}
		if err := stage.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		checkTimexes(t, text, doc.Timexes)
		// Read through the segmenter's tokens, as in the pipeline. The two
		// readings may differ where the tokenizers do (a combining mark
		// opening a word is punctuation to the segmenter), so each is
		// checked on its own.
		toks, _ := seg.Segment(text, lang, nil)
		withTokens := &dossier.Document{Text: text, Lang: lang, Tokens: toks, Meta: doc.Meta}
		if err := stage.Process(context.Background(), withTokens); err != nil {
			t.Fatal(err)
		}
		checkTimexes(t, text, withTokens.Timexes)
		if isASCII(text) && !slices.Equal(doc.Timexes, withTokens.Timexes) {
			// On ASCII text the tokenizers agree, and so must the dates.
			t.Fatalf("from the text %v, from the tokens %v", doc.Timexes, withTokens.Timexes)
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func newSegmenter(tb testing.TB) *segment.Stage {
	tb.Helper()
	s, err := segment.New(lexicon.Default())
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// TestPublicationDateAgainstWeekdays: a header date that no weekday-dated
// reference of the text fits is dropped with a warning (a page's render
// date over an older interview); one that they fit stays.
func TestPublicationDateAgainstWeekdays(t *testing.T) {
	s := newStage(t)
	for _, c := range []struct {
		name, lang, text string
		published        time.Time
		keep             bool
	}{
		// 9 May fell on a Friday in 2014 and 2025, on a Tuesday in 2017.
		{"render date", "en", "Asked on Friday (9 May) about the mission, the official said it would grow.", time.Date(2017, 10, 21, 0, 0, 0, 0, time.UTC), false},
		{"fits", "en", "Asked on Friday (9 May) about the mission, the official said it would grow.", time.Date(2014, 5, 10, 0, 0, 0, 0, time.UTC), true},
		{"fr render date", "fr", "Interrogé mardi 22 janvier, le responsable a répondu.", time.Date(2017, 10, 21, 0, 0, 0, 0, time.UTC), false},
		{"no weekday reference", "en", "The mission began on 9 May.", time.Date(2017, 10, 21, 0, 0, 0, 0, time.UTC), true},
		// 14 December fell on a Monday in 2015, a year and two days before.
		{"last year's weekday", "en", "Last year's port strike began on Monday, Dec. 14 and closed every quay.", time.Date(2016, 12, 16, 0, 0, 0, 0, time.UTC), true},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := &dossier.Document{Text: c.text, Lang: c.lang}
			doc.Meta.Published = c.published
			if err := s.Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			if kept := !doc.Meta.Published.IsZero(); kept != c.keep {
				t.Errorf("published kept = %v, want %v (warnings %q)", kept, c.keep, doc.Warnings)
			}
			if !c.keep && len(doc.Warnings) == 0 {
				t.Errorf("dropped without a warning")
			}
		})
	}
}
