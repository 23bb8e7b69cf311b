package report

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/paradiff/paradiff/diff"
)

// tmxRead is the TMX as a reader sees it, parsed independently of the
// types TMX writes with.
type tmxRead struct {
	XMLName xml.Name `xml:"tmx"`
	Version string   `xml:"version,attr"`
	Header  struct {
		Attrs []xml.Attr `xml:",any,attr"`
		Props []struct {
			Type  string `xml:"type,attr"`
			Value string `xml:",chardata"`
		} `xml:"prop"`
	} `xml:"header"`
	TUs []struct {
		TUID  string `xml:"tuid,attr"`
		Props []struct {
			Type  string `xml:"type,attr"`
			Value string `xml:",chardata"`
		} `xml:"prop"`
		TUVs []struct {
			Lang string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
			Segs []string `xml:"seg"`
		} `xml:"tuv"`
	} `xml:"body>tu"`
}

func readTMX(t *testing.T, data []byte) tmxRead {
	t.Helper()
	var r tmxRead
	dec := xml.NewDecoder(bytes.NewReader(data)) // strict: rejects characters XML does not allow
	if err := dec.Decode(&r); err != nil {
		t.Fatalf("the TMX is not valid XML: %v", err)
	}
	return r
}

func writeTMX(t *testing.T, c *diff.Comparison, src, tgt string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := TMX(&buf, c, src, tgt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestTMXRoundTrip parses the TMX of the readout and finds in it every
// bead with text on both sides, its texts exactly as they are.
func TestTMXRoundTrip(t *testing.T) {
	c := readoutComparison(t)
	data := writeTMX(t, c, "en", "en-gb")
	if !bytes.HasPrefix(data, []byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"+`<!DOCTYPE tmx SYSTEM "tmx14.dtd">`)) {
		t.Errorf("the TMX does not start with the XML declaration and the TMX 1.4 doctype:\n%.200s", data)
	}
	r := readTMX(t, data)
	if r.Version != "1.4" {
		t.Errorf("tmx version %q, want 1.4", r.Version)
	}
	attrs := map[string]string{}
	for _, a := range r.Header.Attrs {
		attrs[a.Name.Local] = a.Value
	}
	for k, want := range map[string]string{
		"creationtool": "paradiff", "creationtoolversion": tmxToolVersion, "segtype": "sentence",
		"o-tmf": "paradiff", "adminlang": "en", "srclang": "en", "datatype": "plaintext",
	} {
		if attrs[k] != want {
			t.Errorf("header %s=%q, want %q", k, attrs[k], want)
		}
	}
	if len(r.Header.Props) != 2 || r.Header.Props[0].Value != c.A.Name || r.Header.Props[1].Value != c.B.Name {
		t.Errorf("header props %+v, want the two names", r.Header.Props)
	}
	i := 0
	for bi, b := range c.Beads {
		if len(b.A) == 0 || len(b.B) == 0 {
			continue
		}
		if i >= len(r.TUs) {
			t.Fatalf("%d <tu>, want one for each bead with text on both sides", len(r.TUs))
		}
		tu := r.TUs[i]
		i++
		if tu.TUID != strconv.Itoa(bi) {
			t.Errorf("tu %d: tuid %q, want the bead's index %d", i, tu.TUID, bi)
		}
		if len(tu.TUVs) != 2 {
			t.Fatalf("tu %s: %d <tuv>, want 2", tu.TUID, len(tu.TUVs))
		}
		for k, want := range []struct{ lang, text string }{
			{"en", joinRun(c.A.Segments, b.A)}, {"en-GB", joinRun(c.B.Segments, b.B)},
		} {
			tuv := tu.TUVs[k]
			if tuv.Lang != want.lang || len(tuv.Segs) != 1 || tuv.Segs[0] != want.text {
				t.Errorf("tu %s tuv %d: xml:lang %q, segs %q; want %q, %q", tu.TUID, k, tuv.Lang, tuv.Segs, want.lang, want.text)
			}
		}
		props := map[string]string{}
		for _, p := range tu.Props {
			props[p.Type] = p.Value
		}
		if props["x-paradiff-a"] != indexList(b.A) || props["x-paradiff-b"] != indexList(b.B) || props["x-paradiff-severity"] == "" {
			t.Errorf("tu %s: props %v", tu.TUID, props)
		}
	}
	if i != len(r.TUs) {
		t.Errorf("%d <tu>, want %d", len(r.TUs), i)
	}
}

// TestTMXUnfitCharacters writes text XML 1.0 cannot hold and text that
// means something in XML, and checks that the TMX parses, shows the first
// as escapes and keeps the second exactly.
func TestTMXUnfitCharacters(t *testing.T) {
	a := "Tea & <cake> \"now\" 'then' ]]> ok. Bell\x07 and \x00 null\x1b[31m red\x7f\u0085 end\uffff. Joiner \u200d and tab\there."
	b := "Tea & <cake> \"now\" 'then' ]]> OK. Bell\x07 and \x00 null\x1b[31m red\x7f\u0085 end\uffff. Joiner \u200d and tab\there!"
	c := diff.Compare(diff.Document{Name: "a\x01.txt", Text: a}, diff.Document{Name: "b.txt", Text: b}, diff.Options{ByLine: true})
	data := writeTMX(t, c, "en", "en")
	for i, r := range string(data) {
		if !(r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r < 0x7f || r > 0x9f && r != 0xfffe && r != 0xffff && r != utf8.RuneError) {
			t.Errorf("the TMX holds %U at byte %d", r, i)
		}
	}
	tr := readTMX(t, data)
	if len(tr.TUs) != 1 {
		t.Fatalf("%d <tu>, want 1", len(tr.TUs))
	}
	// The unfit characters are placeholders, which a reader of the text
	// alone skips.
	want := `Tea & <cake> "now" 'then' ]]> ok. Bell and  null[31m red end. Joiner ` + "\u200d and tab\there."
	if got := tr.TUs[0].TUVs[0].Segs[0]; got != want {
		t.Errorf("A's seg reads back as\n%q, want\n%q", got, want)
	}
	wantXML := `Tea &amp; &lt;cake&gt; &#34;now&#34; &#39;then&#39; ]]&gt; ok. Bell<ph type="x-paradiff-control">\x07</ph> and <ph type="x-paradiff-control">\x00</ph> null<ph type="x-paradiff-control">\x1b</ph>[31m red<ph type="x-paradiff-control">\x7f</ph><ph type="x-paradiff-control">\x85</ph> end<ph type="x-paradiff-control">\uffff</ph>. Joiner ` + "\u200d and tab&#x9;here."
	if !strings.Contains(string(data), "<seg>"+wantXML+"</seg>") {
		t.Errorf("A's seg is not\n%s\nin\n%s", wantXML, data)
	}
	if got := tr.Header.Props[0].Value; got != `a\x01.txt` {
		t.Errorf("A's name reads back as %q", got)
	}
}

func TestTMXLanguages(t *testing.T) {
	c := diff.Compare(diff.Document{Text: "中国和俄罗斯。"}, diff.Document{Text: "中國與俄羅斯。"}, diff.Options{})
	r := readTMX(t, writeTMX(t, c, "zh-hans-cn", "ZH-hant-tw"))
	if len(r.TUs) != 1 || r.TUs[0].TUVs[0].Lang != "zh-Hans-CN" || r.TUs[0].TUVs[1].Lang != "zh-Hant-TW" {
		t.Fatalf("languages %+v, want zh-Hans-CN and zh-Hant-TW", r.TUs)
	}
	if r.TUs[0].TUVs[0].Segs[0] != "中国和俄罗斯。" || r.TUs[0].TUVs[1].Segs[0] != "中國與俄羅斯。" {
		t.Errorf("segs %+v", r.TUs[0].TUVs)
	}
	for _, tags := range [][2]string{{"", "en"}, {"en", ""}, {"e n", "fr"}, {"en", "not a tag"}} {
		if err := TMX(new(bytes.Buffer), c, tags[0], tags[1]); err == nil {
			t.Errorf("TMX with languages %q and %q: no error", tags[0], tags[1])
		}
	}
}

// TestTSV checks that the TSV is the alignment TSV of the comparison's
// beads: one line a bead, four fields, whatever the text holds.
func TestTSV(t *testing.T) {
	c := diff.Compare(diff.Document{Text: hostileA}, diff.Document{Text: hostileB + " Tab\there, back \\ slash."}, diff.Options{})
	var buf bytes.Buffer
	if err := TSV(&buf, c); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != len(c.Beads) {
		t.Fatalf("%d lines, want one for each of the %d beads:\n%s", len(lines), len(c.Beads), buf.String())
	}
	for i, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 4 || f[0] != indexList(c.Beads[i].A) || f[1] != indexList(c.Beads[i].B) {
			t.Errorf("line %d: %q", i+1, l)
		}
		if strings.ContainsAny(l, "\x1b\u202e") {
			t.Errorf("line %d holds a control or bidi character: %q", i+1, l)
		}
	}
	if !strings.Contains(buf.String(), `Tab\there, back \\ slash.`) {
		t.Errorf("tab and backslash not escaped:\n%s", buf.String())
	}
}
