package report

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/paradiff/paradiff/diff"
)

// tmxToolVersion is the version of paradiff's TMX output, written as the
// header's creationtoolversion.
const tmxToolVersion = "1"

// The TMX 1.4b document. Field order is the output order; TMX wants a
// <tu>'s props before its <tuv>s.
type (
	tmxDoc struct {
		XMLName xml.Name  `xml:"tmx"`
		Version string    `xml:"version,attr"`
		Header  tmxHeader `xml:"header"`
		Body    tmxBody   `xml:"body"`
	}
	tmxHeader struct {
		CreationTool        string    `xml:"creationtool,attr"`
		CreationToolVersion string    `xml:"creationtoolversion,attr"`
		SegType             string    `xml:"segtype,attr"`
		OTMF                string    `xml:"o-tmf,attr"`
		AdminLang           string    `xml:"adminlang,attr"`
		SrcLang             string    `xml:"srclang,attr"`
		DataType            string    `xml:"datatype,attr"`
		Props               []tmxProp `xml:"prop"`
	}
	tmxBody struct {
		TUs []tmxTU `xml:"tu"`
	}
	tmxTU struct {
		TUID  string    `xml:"tuid,attr"`
		Props []tmxProp `xml:"prop"`
		TUVs  []tmxTUV  `xml:"tuv"`
	}
	tmxProp struct {
		Type  string `xml:"type,attr"`
		Value string `xml:",chardata"`
	}
	tmxTUV struct {
		Lang string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
		Seg  tmxSeg `xml:"seg"`
	}
	// tmxSeg is a <seg>'s content as XML (see tmxSegment).
	tmxSeg struct {
		XML string `xml:",innerxml"`
	}
)

// TMX writes the comparison as a translation memory in TMX 1.4b: one
// <tu> for every bead that has text on both sides, with A's text in
// language srcLang and B's in tgtLang (BCP 47 tags such as "en", "zh-CN",
// written in their canonical form), the segments of a bead joined by one
// space. A <tu>'s tuid is the bead's index in the JSON report's beads;
// its props say the segment indices of each side (x-paradiff-a,
// x-paradiff-b: 0-based, comma-separated) and the highest severity of the
// bead's changes (x-paradiff-severity: trivial, minor, major or critical,
// or same when A and B are the same). The header's props name the two
// documents.
//
// A TMX file is XML 1.0, which cannot hold most control characters: the
// C0 controls other than tab, line feed and carriage return, and U+FFFE
// and U+FFFF. In a <seg>, TMX writes each of them, and the C1 controls and
// DEL, which XML discourages, as a placeholder holding its visible escape,
// <ph type="x-paradiff-control">\x1b</ph>, so that it stays apart from
// the same four characters typed in the text, and the text's backslashes
// reach the translation memory as they are. In the header's props, which
// cannot hold elements, they are written as the other reports write them
// (\x1b, with a backslash written \\). Everything else, format characters
// such as zero-width joiners included, is written as it stands, escaped as
// XML requires. The JSON report, not the TMX, rebuilds the input byte for
// byte.
func TMX(w io.Writer, c *diff.Comparison, srcLang, tgtLang string) error {
	src, err := tmxLang(srcLang)
	if err != nil {
		return err
	}
	tgt, err := tmxLang(tgtLang)
	if err != nil {
		return err
	}
	doc := tmxDoc{
		Version: "1.4",
		Header: tmxHeader{
			CreationTool: "paradiff", CreationToolVersion: tmxToolVersion,
			SegType: "sentence", OTMF: "paradiff", AdminLang: "en", SrcLang: src, DataType: "plaintext",
			Props: []tmxProp{
				{"x-paradiff-a-name", xmlSafe(docName(c.A, "A"))},
				{"x-paradiff-b-name", xmlSafe(docName(c.B, "B"))},
			},
		},
		Body: tmxBody{TUs: []tmxTU{}},
	}
	for i, b := range c.Beads {
		if len(b.A) == 0 || len(b.B) == 0 {
			continue
		}
		sev := "same"
		if len(b.Changes) > 0 || len(b.Glossary) > 0 {
			sev = beadSeverity(b).String()
		}
		doc.Body.TUs = append(doc.Body.TUs, tmxTU{
			TUID: fmt.Sprint(i),
			Props: []tmxProp{
				{"x-paradiff-a", indexList(b.A)},
				{"x-paradiff-b", indexList(b.B)},
				{"x-paradiff-severity", sev},
			},
			TUVs: []tmxTUV{
				{Lang: src, Seg: tmxSegment(joinRun(c.A.Segments, b.A))},
				{Lang: tgt, Seg: tmxSegment(joinRun(c.B.Segments, b.B))},
			},
		})
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header + `<!DOCTYPE tmx SYSTEM "tmx14.dtd">` + "\n")
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	bw.WriteString("\n")
	return bw.Flush()
}

// tmxLang checks a language tag and returns its canonical form.
func tmxLang(tag string) (string, error) {
	if tag == "" {
		return "", fmt.Errorf("report: TMX needs a language for each side")
	}
	t, err := language.Parse(tag)
	if err != nil {
		return "", fmt.Errorf("report: TMX language %q: %v", tag, err)
	}
	return t.String(), nil
}

// tmxSegment returns s as the content of a <seg>: its text escaped as
// encoding/xml escapes it, and each character xmlUnfit reports as a
// placeholder, <ph type="x-paradiff-control">, holding its visible escape.
func tmxSegment(s string) tmxSeg {
	var b bytes.Buffer
	last := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if xmlUnfit(r) {
			xml.EscapeText(&b, []byte(s[last:i]))
			b.WriteString(`<ph type="x-paradiff-control">` + hiddenEscape(r) + `</ph>`)
			last = i + size
		}
		i += size
	}
	xml.EscapeText(&b, []byte(s[last:]))
	return tmxSeg{b.String()}
}

// xmlSafe replaces the characters that XML 1.0 cannot hold or discourages
// (see TMX) by visible escapes; encoding/xml escapes the rest.
func xmlSafe(s string) string { return escapeWhere(s, xmlUnfit) }

// xmlUnfit reports the characters xmlSafe replaces: controls other than
// tab, line feed and carriage return, and the noncharacters U+FFFE and
// U+FFFF. (Surrogates cannot occur in valid UTF-8.)
func xmlUnfit(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || 0x7f <= r && r < 0xa0 || r == 0xfffe || r == 0xffff
}
