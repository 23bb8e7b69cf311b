// Package benchpair builds the document pair the end-to-end benchmarks
// compare: two English renderings of the same texts, at least 1.5 MB a
// side, from the public data in ../shared/data: WMT21 news (two human
// translations and five MT systems of the same Russian source) and
// Genesis in three English Bibles. Each part of A is paired with another
// rendering of the same text in B, so the pair differs the way real
// versions do: paraphrase, inserted and omitted sentences, reordering.
package benchpair

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
)

// Build returns the pair: A and B, each the concatenation of one
// rendering of each text.
func Build(data string) (a, b string, err error) {
	wmt, err := readWMT(filepath.Join(data, "wmt", "wmt21.ru-en.jsonl"))
	if err != nil {
		return "", "", err
	}
	bible := map[string]string{}
	for _, name := range []string{"KJV", "BBE", "YLT"} {
		file := "en-" + name + ".GEN.tsv"
		if name == "KJV" {
			file = "en-KJV-sword.GEN.tsv"
		}
		text, err := readBible(filepath.Join(data, "bible", file))
		if err != nil {
			return "", "", err
		}
		bible[name] = text
	}
	// Each pair is two renderings of the same source text.
	pairs := [][2]string{
		{wmt["ref_A"], wmt["ref_B"]},
		{bible["KJV"], bible["BBE"]},
		{wmt["Online-A"], wmt["Online-B"]},
		{bible["YLT"], bible["KJV"]},
		{wmt["Facebook-AI"], wmt["NiuTrans"]},
		{wmt["Online-Y"], wmt["ref_A"]},
		{bible["BBE"], bible["YLT"]},
		{wmt["NiuTrans"], wmt["Online-A"]},
		{wmt["ref_B"], wmt["Facebook-AI"]},
		{wmt["Online-B"], wmt["Online-Y"]},
		{bible["KJV"], bible["YLT"]},
	}
	var sb, sbB strings.Builder
	for _, p := range pairs {
		sb.WriteString(p[0])
		sbB.WriteString(p[1])
	}
	return sb.String(), sbB.String(), nil
}

// readWMT returns each version of the WMT file as running text: one
// paragraph per document.
func readWMT(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs := map[string]*strings.Builder{}
	add := func(version, docID, last, text string) {
		b := docs[version]
		if b == nil {
			b = &strings.Builder{}
			docs[version] = b
		}
		if docID != last && b.Len() > 0 {
			b.WriteString("\n\n")
		} else if b.Len() > 0 {
			b.WriteString(" ")
		}
		b.WriteString(text)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	last := ""
	for sc.Scan() {
		var row struct {
			DocID string            `json:"doc_id"`
			RefA  string            `json:"ref_A"`
			RefB  string            `json:"ref_B"`
			Hyp   map[string]string `json:"hyp"`
		}
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			return nil, err
		}
		add("ref_A", row.DocID, last, row.RefA)
		add("ref_B", row.DocID, last, row.RefB)
		for sys, text := range row.Hyp {
			add(sys, row.DocID, last, text)
		}
		last = row.DocID
	}
	out := map[string]string{}
	for k, b := range docs {
		out[k] = b.String() + "\n\n"
	}
	return out, sc.Err()
}

// readBible returns a Bible file as running text, a chapter a paragraph.
func readBible(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	lastChapter := ""
	for _, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		id, text, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		chapter := id[:strings.LastIndexByte(id, '.')]
		switch {
		case chapter != lastChapter && b.Len() > 0:
			b.WriteString("\n\n")
		case b.Len() > 0:
			b.WriteString(" ")
		}
		b.WriteString(text)
		lastChapter = chapter
	}
	return b.String() + "\n\n", nil
}
