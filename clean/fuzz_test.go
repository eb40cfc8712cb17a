package clean

import (
	"context"
	"testing"
)

func FuzzBoilerplate(f *testing.F) {
	st := newTestStage(f)
	for _, seed := range []string{
		"",
		"\n",
		"\r\n\r\n",
		benchFixture,
		"Advertisement\nSubscribe now\n\n1. a\n2. b\n3. c\n",
		"Les plus lus\n- a\n- b\n",
		"\xff\xfe\xfd\n\x00ADVERTISEMENT\n©",
		"InternationalInvestigation\n\nTitle line here for you\n\nA sentence that is long enough to be prose, said someone today.",
		"1.\n2)\n-\n•\n«\n…\n...\n",
		"www.example.com\nuser@example.org\n@handle\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		spans, err := st.Boilerplate(context.Background(), text)
		if err != nil {
			t.Fatal(err)
		}
		checkSpans(t, text, spans)
		verdicts := st.Explain(text)
		for _, v := range verdicts {
			if v.Start < 0 || v.End > len(text) || v.Start > v.End {
				t.Fatalf("verdict span %v out of range", v.Span)
			}
		}
		// Every marked line lies inside exactly one span.
		for _, v := range verdicts {
			if !v.Boilerplate {
				continue
			}
			n := 0
			for _, s := range spans {
				if s.Start <= v.Start && v.End <= s.End {
					n++
				}
			}
			if n != 1 {
				t.Fatalf("marked line %v in %d spans", v.Span, n)
			}
		}
	})
}
