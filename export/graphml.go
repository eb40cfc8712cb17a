package export

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// GraphMLNamespace is the GraphML XML namespace.
const GraphMLNamespace = "http://graphml.graphdrawing.org/xmlns"

// graphmlKeys declares every data attribute of nodes and edges; Gephi, yEd
// and Cytoscape show them as columns.
var graphmlKeys = []struct{ id, target, name, typ string }{
	{"label", "node", "label", "string"},
	{"type", "node", "type", "string"},
	{"class", "node", "class", "string"},
	{"kind", "node", "kind", "string"},
	{"kb", "node", "kb", "string"},
	{"aliases", "node", "aliases", "string"},
	{"documents", "node", "documents", "int"},
	{"mentions", "node", "mentions", "int"},
	{"predicate", "edge", "predicate", "string"},
	{"modality", "edge", "modality", "string"},
	{"evidence", "edge", "evidence", "int"},
	{"edge_documents", "edge", "documents", "int"},
	{"confidence", "edge", "confidence", "double"},
}

// writeGraphML writes the entity graph: one node per entity, one edge per
// (subject, predicate, object, modality) with how many sentences state it.
// It needs only the first pass.
func writeGraphML(w io.Writer, c *corpus) (Stats, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	var st Stats
	bw.WriteString(xml.Header)
	fmt.Fprintf(bw, "<graphml xmlns=%q xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"%s %s/1.0/graphml.xsd\">\n",
		GraphMLNamespace, GraphMLNamespace, GraphMLNamespace)
	for _, k := range graphmlKeys {
		fmt.Fprintf(bw, "  <key id=%q for=%q attr.name=%q attr.type=%q/>\n", k.id, k.target, k.name, k.typ)
	}
	bw.WriteString("  <graph id=\"dossier\" edgedefault=\"directed\">\n")
	data := func(key, value string) {
		if value == "" {
			return
		}
		fmt.Fprintf(bw, "      <data key=%q>", key)
		xml.EscapeText(bw, []byte(value))
		bw.WriteString("</data>\n")
	}
	for _, e := range c.keptEntities() {
		bw.WriteString("    <node id=\"")
		xml.EscapeText(bw, []byte(e.ID))
		bw.WriteString("\">\n")
		data("label", e.Name)
		data("type", e.Type)
		data("class", e.class.String())
		data("kind", string(e.Kind))
		data("kb", e.KB)
		data("aliases", strings.Join(e.aliasNames(), "|"))
		data("documents", strconv.Itoa(e.Docs))
		data("mentions", strconv.Itoa(e.Mentions))
		bw.WriteString("    </node>\n")
		st.Entities++
	}
	edges := c.sortedEdges()
	for i, k := range edges {
		e := c.edges[k]
		fmt.Fprintf(bw, "    <edge id=\"r%d\" source=\"", i+1)
		xml.EscapeText(bw, []byte(k.Subject))
		bw.WriteString("\" target=\"")
		xml.EscapeText(bw, []byte(k.Object))
		bw.WriteString("\">\n")
		data("predicate", k.Predicate)
		data("modality", k.Modality)
		data("evidence", strconv.Itoa(e.Evidence))
		data("edge_documents", strconv.Itoa(e.Docs))
		data("confidence", strconv.FormatFloat(e.MaxConfidence, 'f', 3, 64))
		bw.WriteString("    </edge>\n")
		st.Relations += e.Evidence
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	st.Objects = st.Entities + len(edges)
	return st, bw.Flush()
}
