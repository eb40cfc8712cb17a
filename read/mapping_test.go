package read

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
	"golang.org/x/net/html"
)

// linesOf splits text into line spans, as the renderer does.
func linesOf(text string) []dossier.Span {
	var out []dossier.Span
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			if i > start {
				out = append(out, dossier.Span{Start: start, End: i})
			}
			start = i + 1
		}
	}
	return out
}

// TestBoilerplateMapping: how the extractor's main content is mapped back to
// the rendered lines. Each case lists the lines that must stay content and
// those that must be boilerplate.
func TestBoilerplateMapping(t *testing.T) {
	for _, c := range []struct {
		name      string
		page      string // rendered lines; a leading "K|" marks a byline/caption line, "F|" a furniture line
		content   string // what the extractor kept
		kept, bps []string
	}{
		{"a paragraph the extractor trimmed keeps its line",
			"Home | World | Sport\nThe council met on Monday to discuss the new water rules for the valley towns. Read more about water\nSign in",
			"The council met on Monday to discuss the new water rules for the valley towns.",
			[]string{"The council met"}, []string{"Home | World", "Sign in"}},
		{"short list items next to content",
			"Ingredients:\n300 g flour\n200 g sugar\n1 egg\nMix the flour, the sugar and the egg into a smooth dough, then rest it.\nShare on Twitter",
			"Ingredients: 300 g flour 200 g sugar 1 egg Mix the flour, the sugar and the egg into a smooth dough, then rest it.",
			[]string{"200 g sugar", "1 egg", "Ingredients:"}, []string{"Share on Twitter"}},
		{"a short line found in the content but among furniture stays out",
			"World\nPolitics\nSport\nThe World Cup draw was held in the capital on a cold Friday evening in December.",
			"The World Cup draw was held in the capital on a cold Friday evening in December.",
			[]string{"The World Cup draw"}, []string{"World", "Politics"}},
		{"prose the extractor left out between content paragraphs",
			"The first paragraph tells what happened at the border crossing on Monday night.\nA second paragraph, left out by the extractor after an embedded video, explains at length why the crossing was closed for a week.\nThe third paragraph quotes a guard who saw the convoy arrive at dawn.",
			"The first paragraph tells what happened at the border crossing on Monday night.\nThe third paragraph quotes a guard who saw the convoy arrive at dawn.",
			[]string{"A second paragraph"}, nil},
		{"byline kept above the article, author box after it dropped",
			"K|By Lena Varga\nThe first paragraph tells what happened at the border crossing on Monday night.\nThe last paragraph quotes a guard who saw the convoy arrive at dawn.\nSubscribe\nK|Lena Varga covers security",
			"The first paragraph tells what happened at the border crossing on Monday night.\nThe last paragraph quotes a guard who saw the convoy arrive at dawn.",
			[]string{"By Lena Varga"}, []string{"Lena Varga covers", "Subscribe"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var b strings.Builder
			var flags []lineFlags
			for _, ln := range strings.Split(c.page, "\n") {
				var f lineFlags
				switch {
				case strings.HasPrefix(ln, "K|"):
					f, ln = lineKeep, ln[2:]
				case strings.HasPrefix(ln, "F|"):
					f, ln = lineFurniture, ln[2:]
				}
				flags = append(flags, f)
				b.WriteString(ln + "\n")
			}
			text := b.String()
			lines := linesOf(text)
			bp := boilerplateLines(text, lines, flags, c.content, -1)
			isBP := func(prefix string) bool {
				for _, s := range bp {
					if strings.HasPrefix(text[s.Start:s.End], prefix) {
						return true
					}
				}
				return false
			}
			for _, k := range c.kept {
				if isBP(k) {
					t.Errorf("%q marked as boilerplate", k)
				}
			}
			for _, k := range c.bps {
				if !isBP(k) {
					t.Errorf("%q kept as content", k)
				}
			}
		})
	}
}

// TestProseWrapperNotFurniture: a wrapper whose class names furniture
// ("has-ads", "social") but which holds the article's paragraphs is not
// furniture; a small widget with such a class is.
func TestProseWrapperNotFurniture(t *testing.T) {
	para := "<p>" + strings.Repeat("The council met on Monday to discuss the water rules. ", 8) + "</p>"
	page := `<html><body><div class="article has-ads">` + para + para + `<div class="social-share">Share this</div></div></body></html>`
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var wrapper, widget *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for _, a := range n.Attr {
			if a.Key == "class" && a.Val == "article has-ads" {
				wrapper = n
			}
			if a.Key == "class" && a.Val == "social-share" {
				widget = n
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if roleOf(wrapper) == roleFurniture {
		t.Errorf("the article wrapper is furniture")
	}
	if roleOf(widget) != roleFurniture {
		t.Errorf("the share widget is not furniture")
	}
}
