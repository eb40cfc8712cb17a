package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/dossier-project/dossier"
)

// printEntities prints each document's entities, most mentioned first.
func printEntities(w io.Writer, docs []*dossier.Document, explain bool) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	defer tw.Flush()
	for _, d := range docs {
		fmt.Fprintf(tw, "== %s (%s)\n", d.Name, orDash(d.Lang))
		fmt.Fprintln(tw, "ID\tTYPE\tNAME\tMENTIONS\tFORMS")
		for _, e := range d.Entities {
			forms := entityForms(d, e)
			if explain {
				var why []string
				for _, a := range e.Aliases {
					why = append(why, fmt.Sprintf("%s [%s]", a.Name, a.Reason))
				}
				if len(why) > 0 {
					forms += "  ← " + strings.Join(why, "; ")
				}
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", orDash(e.ID), e.Type, e.Name, len(e.Mentions), forms)
		}
		fmt.Fprintln(tw)
	}
}

// entityForms lists the distinct surface forms of an entity's mentions.
func entityForms(d *dossier.Document, e dossier.Entity) string {
	seen := map[string]bool{}
	var forms []string
	for _, mi := range e.Mentions {
		if mi < 0 || mi >= len(d.Mentions) {
			continue
		}
		f := d.Slice(d.Mentions[mi].Span)
		if !seen[f] {
			seen[f] = true
			forms = append(forms, f)
		}
	}
	return strings.Join(forms, " | ")
}

// printQuotes prints each document's quotes with their speakers.
func printQuotes(w io.Writer, docs []*dossier.Document) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	defer tw.Flush()
	for _, d := range docs {
		fmt.Fprintf(tw, "== %s\n", d.Name)
		fmt.Fprintln(tw, "SPEAKER\tVERB\tQUOTE")
		for _, q := range d.Quotes {
			verb := "-"
			if q.Verb != nil {
				verb = d.Slice(*q.Verb)
			}
			fmt.Fprintf(tw, "%s\t%s\t“%s”\n", speakerLabel(d, q.Speaker), verb, truncate(oneLine(d.Slice(q.Span)), 90))
		}
		fmt.Fprintln(tw)
	}
}

// printClaims prints each document's claims.
func printClaims(w io.Writer, docs []*dossier.Document) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	defer tw.Flush()
	for _, d := range docs {
		fmt.Fprintf(tw, "== %s\n", d.Name)
		fmt.Fprintln(tw, "SUBJECT\tPREDICATE\tOBJECT\tMODALITY\tBY\tEVIDENCE")
		for _, c := range d.Claims {
			if c.Subject < 0 || c.Subject >= len(d.Entities) || c.Object < 0 || c.Object >= len(d.Entities) {
				continue
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", d.Entities[c.Subject].Name, c.Predicate, d.Entities[c.Object].Name,
				c.Modality, speakerLabel(d, c.Attribution), truncate(oneLine(d.Slice(c.Evidence)), 80))
		}
		fmt.Fprintln(tw)
	}
}

func speakerLabel(d *dossier.Document, sp *dossier.Speaker) string {
	switch {
	case sp == nil:
		return "-"
	case sp.Entity >= 0 && sp.Entity < len(d.Entities):
		return d.Entities[sp.Entity].Name
	default:
		return "~" + oneLine(d.Slice(sp.Span))
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
