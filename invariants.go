package dossier

import "fmt"

// CheckLayers verifies the span invariants every stage relies on: each span
// lies inside Text and is not inverted; tokens, sentences, boilerplate and
// mentions are sorted and disjoint; entity, speaker and claim indexes point
// inside their slices. It returns the first violation found. The pipeline
// calls it after each stage, so that a stage's bug fails one document with a
// message instead of corrupting or crashing the stages after it.
func CheckLayers(d *Document) error {
	n := len(d.Text)
	if err := checkSorted("boilerplate", len(d.Boilerplate), n, func(i int) Span { return d.Boilerplate[i] }); err != nil {
		return err
	}
	if err := checkSorted("sentence", len(d.Sentences), n, func(i int) Span { return d.Sentences[i] }); err != nil {
		return err
	}
	if err := checkSorted("token", len(d.Tokens), n, func(i int) Span { return d.Tokens[i].Span }); err != nil {
		return err
	}
	if err := checkSorted("mention", len(d.Mentions), n, func(i int) Span { return d.Mentions[i].Span }); err != nil {
		return err
	}
	for i, m := range d.Mentions {
		if m.Entity < -1 || m.Entity >= len(d.Entities) {
			return fmt.Errorf("mention %d: entity index %d out of range (%d entities)", i, m.Entity, len(d.Entities))
		}
	}
	for i, e := range d.Entities {
		for _, m := range e.Mentions {
			if m < 0 || m >= len(d.Mentions) {
				return fmt.Errorf("entity %d: mention index %d out of range (%d mentions)", i, m, len(d.Mentions))
			}
		}
	}
	for i, t := range d.Timexes {
		if !inside(t.Span, n) {
			return fmt.Errorf("timex %d: span %v outside the text (%d bytes)", i, t.Span, n)
		}
	}
	for i, f := range d.Figures {
		if !inside(f.Span, n) || f.NounSpan != nil && !inside(*f.NounSpan, n) {
			return fmt.Errorf("figure %d: span outside the text (%d bytes)", i, n)
		}
	}
	for i := range d.Quotes {
		q := &d.Quotes[i]
		if !inside(q.Span, n) || q.Verb != nil && !inside(*q.Verb, n) {
			return fmt.Errorf("quote %d: span outside the text (%d bytes)", i, n)
		}
		for _, p := range q.Parts {
			if !inside(p, n) {
				return fmt.Errorf("quote %d: part %v outside the text (%d bytes)", i, p, n)
			}
		}
		if err := d.checkSpeaker(q.Speaker); err != nil {
			return fmt.Errorf("quote %d: %w", i, err)
		}
	}
	for i := range d.Claims {
		c := &d.Claims[i]
		if c.Subject < 0 || c.Subject >= len(d.Entities) || c.Object < 0 || c.Object >= len(d.Entities) {
			return fmt.Errorf("claim %d: entity index out of range (%d entities)", i, len(d.Entities))
		}
		if !inside(c.Evidence, n) || c.Trigger != nil && !inside(*c.Trigger, n) {
			return fmt.Errorf("claim %d: span outside the text (%d bytes)", i, n)
		}
		if err := d.checkSpeaker(c.Attribution); err != nil {
			return fmt.Errorf("claim %d: %w", i, err)
		}
	}
	for i := range d.Sources {
		s := &d.Sources[i]
		if s.Affiliation < -1 || s.Affiliation >= len(d.Entities) {
			return fmt.Errorf("source %d: affiliation index %d out of range", i, s.Affiliation)
		}
		for _, sp := range s.Spans {
			if !inside(sp, n) {
				return fmt.Errorf("source %d: span %v outside the text (%d bytes)", i, sp, n)
			}
		}
	}
	return nil
}

func (d *Document) checkSpeaker(sp *Speaker) error {
	if sp == nil {
		return nil
	}
	if sp.Entity < -1 || sp.Entity >= len(d.Entities) {
		return fmt.Errorf("speaker entity index %d out of range (%d entities)", sp.Entity, len(d.Entities))
	}
	if !inside(sp.Span, len(d.Text)) {
		return fmt.Errorf("speaker span %v outside the text (%d bytes)", sp.Span, len(d.Text))
	}
	return nil
}

func inside(s Span, n int) bool { return s.Start >= 0 && s.Start <= s.End && s.End <= n }

// checkSorted checks that the k spans at(0..k-1) lie inside [0, n), are sorted
// by start and do not overlap.
func checkSorted(layer string, k, n int, at func(int) Span) error {
	prevEnd := 0
	for i := range k {
		s := at(i)
		if !inside(s, n) {
			return fmt.Errorf("%s %d: span %v outside the text (%d bytes)", layer, i, s, n)
		}
		if s.Start < prevEnd {
			return fmt.Errorf("%s %d: span %v overlaps or precedes the one before it (ending at %d)", layer, i, s, prevEnd)
		}
		prevEnd = s.End
	}
	return nil
}
