package report

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/paradiff/paradiff/diff"
)

// The browser test opens HTML reports in headless Chromium and checks what
// a reader sees and does: the highlighted changes, the keys that step
// through them, the severity filter, and that hostile input stays text.
//
// It looks for Chromium as $PARADIFF_CHROMIUM, then as chromium,
// chromium-browser, google-chrome or google-chrome-stable on $PATH, and
// skips when there is none, unless $PARADIFF_REQUIRE_BROWSER is set (as CI
// sets it), when it fails instead.

func chromiumPath() string {
	if p := os.Getenv("PARADIFF_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	return ""
}

// browser starts a headless Chromium with a fresh profile and returns a
// context for a tab in it; the browser stops when the test ends.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		if os.Getenv("PARADIFF_REQUIRE_BROWSER") != "" {
			t.Fatal("no Chromium found and PARADIFF_REQUIRE_BROWSER is set (install Debian's chromium, or set PARADIFF_CHROMIUM)")
		}
		t.Skip("no Chromium found (install Debian's chromium, or set PARADIFF_CHROMIUM)")
	}
	// Everything, the browser's start included, must end within the limit;
	// the allocator's context bounds the browser's life.
	limit, cancelLimit := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancelLimit)
	actx, cancelAlloc := chromedp.NewExecAllocator(limit,
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(cancelTab)
	if err := chromedp.Do(ctx); err != nil { // start the browser
		t.Fatalf("starting %s: %v", path, err)
	}
	return ctx
}

// openReport writes the HTML report of c to a file and loads it.
func openReport(t *testing.T, ctx context.Context, c *diff.Comparison, name string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := HTML(f, c); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+filepath.ToSlash(path))); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

func press(t *testing.T, ctx context.Context, keys string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(keys)); err != nil {
		t.Fatalf("pressing %q: %v", keys, err)
	}
}

func click(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
		t.Fatalf("clicking %s: %v", sel, err)
	}
}

// navTargets lists, in order, the ids of the changes that navigation
// visits when changes of severity min and up are highlighted: the side of
// each change with its text in B, or in A when B has none.
func navTargets(c *diff.Comparison, min diff.Severity) []string {
	var ids []string
	n := 0
	for _, b := range c.Beads {
		for _, ch := range b.Changes {
			n++
			if ch.Severity >= min {
				ids = append(ids, fmt.Sprintf("c%d", n))
			}
		}
	}
	return ids
}

func TestBrowser(t *testing.T) {
	ctx := browser(t)
	c := readoutComparison(t)

	t.Run("readout", func(t *testing.T) {
		openReport(t, ctx, c, "readout.html")
		if !eval[bool](t, ctx, `document.documentElement.classList.contains("js")`) {
			t.Fatal("the page's script did not run (is the Content-Security-Policy hash right?)")
		}

		// Every change that is not trivial is highlighted, once in each
		// column; trivial ones are not, until asked for.
		nonTrivial, trivial := 0, 0
		for _, b := range c.Beads {
			for _, ch := range b.Changes {
				if ch.Kind == diff.Trivial {
					trivial++
				} else {
					nonTrivial++
				}
			}
		}
		highlighted := `document.querySelectorAll("td.b .chg[data-n]:not(.off)").length`
		if got := eval[int](t, ctx, highlighted); got != nonTrivial {
			t.Errorf("%d changes highlighted in B's column, want the %d that are not trivial", got, nonTrivial)
		}
		if got := eval[int](t, ctx, `document.querySelectorAll("td.a .chg[data-n]:not(.off)").length`); got != nonTrivial {
			t.Errorf("%d changes highlighted in A's column, want %d", got, nonTrivial)
		}
		if got := eval[int](t, ctx, `document.querySelectorAll("td.b .chg.k-trivial.off").length`); got != trivial {
			t.Errorf("%d trivial changes left unmarked, want %d", got, trivial)
		}
		// A highlight is visible: it has a background; an unmarked change has none.
		if !eval[bool](t, ctx, `Array.from(document.querySelectorAll("ins.chg:not(.off), del.chg:not(.off)")).every(e => getComputedStyle(e).backgroundColor !== "rgba(0, 0, 0, 0)")`) {
			t.Error("a highlighted change has no background")
		}
		if !eval[bool](t, ctx, `Array.from(document.querySelectorAll("ins.chg.off")).every(e => getComputedStyle(e).backgroundColor === "rgba(0, 0, 0, 0)")`) {
			t.Error("an unmarked trivial change has a background")
		}
		if got := eval[int](t, ctx, `document.querySelectorAll("tr.bead").length`); got != len(c.Beads) {
			t.Errorf("%d bead rows, want %d", got, len(c.Beads))
		}

		// j, k, n, p and the buttons step through the changes.
		ids := navTargets(c, diff.SeverityMinor)
		if len(ids) < 50 {
			t.Fatalf("only %d changes to step through", len(ids))
		}
		active := `document.activeElement ? document.activeElement.id : ""`
		pos := `document.getElementById("pos").textContent`
		if got, want := eval[string](t, ctx, pos), fmt.Sprintf("– / %d", len(ids)); got != want {
			t.Errorf("position %q before any step, want %q", got, want)
		}
		for i, key := range []string{"j", "j", "n"} {
			press(t, ctx, key)
			if got := eval[string](t, ctx, active); got != ids[i] {
				t.Fatalf("after %d steps forward the focus is on %q, want %q", i+1, got, ids[i])
			}
		}
		if got, want := eval[string](t, ctx, pos), fmt.Sprintf("3 / %d", len(ids)); got != want {
			t.Errorf("position %q, want %q", got, want)
		}
		if got := eval[int](t, ctx, `document.querySelectorAll(".chg.current").length`); got != 2 {
			t.Errorf("the current change is marked in %d places, want 2 (A's column and B's)", got)
		}
		press(t, ctx, "k")
		if got := eval[string](t, ctx, active); got != ids[1] {
			t.Errorf("after k the focus is on %q, want %q", got, ids[1])
		}
		press(t, ctx, "p")
		if got := eval[string](t, ctx, active); got != ids[0] {
			t.Errorf("after p the focus is on %q, want %q", got, ids[0])
		}
		// Far down the page, the current change is scrolled into view.
		press(t, ctx, strings.Repeat("j", 40))
		if got := eval[string](t, ctx, active); got != ids[40] {
			t.Errorf("after 40 more steps the focus is on %q, want %q", got, ids[40])
		}
		if eval[float64](t, ctx, `window.scrollY`) <= 0 {
			t.Error("stepping far down did not scroll the page")
		}
		if !eval[bool](t, ctx, `(() => { const r = document.activeElement.getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight; })()`) {
			t.Error("the current change is not in view")
		}
		click(t, ctx, "#prev")
		if got := eval[string](t, ctx, active); got != ids[39] {
			t.Errorf("after the previous button the focus is on %q, want %q", got, ids[39])
		}
		click(t, ctx, "#next")
		if got := eval[string](t, ctx, active); got != ids[40] {
			t.Errorf("after the next button the focus is on %q, want %q", got, ids[40])
		}

		// "major and up" unmarks minor changes and leaves them out of the steps.
		click(t, ctx, "#min-major")
		major := navTargets(c, diff.SeverityMajor)
		if got, want := eval[int](t, ctx, highlighted), len(major); got != want {
			t.Errorf("%d changes highlighted at major and up, want %d", got, want)
		}
		if !eval[bool](t, ctx, `Array.from(document.querySelectorAll(".chg.s-minor[data-n]")).every(e => e.classList.contains("off"))`) {
			t.Error("a minor change is still highlighted at major and up")
		}
		if !strings.HasSuffix(eval[string](t, ctx, pos), fmt.Sprintf(" / %d", len(major))) {
			t.Errorf("position %q does not count the %d major changes", eval[string](t, ctx, pos), len(major))
		}
		for range 30 {
			press(t, ctx, "j")
			if sev := eval[string](t, ctx, `document.activeElement.dataset.sev`); sev < "2" {
				t.Fatalf("stepping at major and up stopped on %s, of severity %s", eval[string](t, ctx, active), sev)
			}
		}
		// Hiding sentences without such changes hides the rows.
		click(t, ctx, "#only")
		want := 0
		for _, b := range c.Beads {
			if (len(b.Changes) > 0 || len(b.Glossary) > 0) && beadSeverity(b) >= diff.SeverityMajor {
				want++
			}
		}
		if got := eval[int](t, ctx, `Array.from(document.querySelectorAll("tr.bead")).filter(r => r.offsetParent !== null).length`); got != want || want == len(c.Beads) {
			t.Errorf("%d rows shown at major and up, want %d of %d", got, want, len(c.Beads))
		}
		click(t, ctx, "#min-critical")
		if got := eval[int](t, ctx, `Array.from(document.querySelectorAll("tr.bead")).filter(r => r.offsetParent !== null).length`); got != c.Summary.CountSeverity(diff.SeverityCritical) && got == 0 {
			t.Errorf("%d rows shown at critical", got)
		}
		click(t, ctx, "#min-trivial")
		if got := eval[int](t, ctx, highlighted); got != nonTrivial+trivial {
			t.Errorf("%d changes highlighted with all changes, want %d", got, nonTrivial+trivial)
		}
	})

	t.Run("print", func(t *testing.T) {
		openReport(t, ctx, c, "readout.html")
		err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			return err
		}))
		if err != nil {
			t.Fatal(err)
		}
		if got := eval[string](t, ctx, `getComputedStyle(document.querySelector(".toolbar")).display`); got != "none" {
			t.Errorf("the toolbar prints (display %q)", got)
		}
		// On paper, without colour, A's words are struck and B's underlined.
		if !eval[bool](t, ctx, `Array.from(document.querySelectorAll("td.a del.chg:not(.off)")).every(e => getComputedStyle(e).textDecorationLine.includes("line-through"))`) {
			t.Errorf("A's changed words do not print struck through: %s", eval[string](t, ctx, `Array.from(document.querySelectorAll("td.a del.chg:not(.off)")).filter(e => !getComputedStyle(e).textDecorationLine.includes("line-through")).map(e => e.className + " " + getComputedStyle(e).textDecorationLine).join("; ")`))
		}
		if !eval[bool](t, ctx, `Array.from(document.querySelectorAll("td.b ins.chg:not(.off)")).every(e => getComputedStyle(e).textDecorationLine.includes("underline"))`) {
			t.Error("B's changed words do not print underlined")
		}
	})

	t.Run("hostile", func(t *testing.T) {
		c := hostileComparison()
		openReport(t, ctx, c, "hostile.html")
		if !eval[bool](t, ctx, `document.documentElement.classList.contains("js")`) {
			t.Fatal("the page's script did not run")
		}
		if got := eval[string](t, ctx, `typeof window.pwned`); got != "undefined" {
			t.Errorf("input ran as script: window.pwned is %s", eval[string](t, ctx, `String(window.pwned)`))
		}
		if got := eval[int](t, ctx, `document.scripts.length`); got != 1 {
			t.Errorf("%d script elements, want the page's own", got)
		}
		if got := eval[string](t, ctx, `Array.from(document.querySelectorAll("img, textarea, iframe, object, embed, a, form, input:not([name=min]):not(#only)")).map(e => e.tagName).join(" ")`); got != "" {
			t.Errorf("input made elements: %s", got)
		}
		if got := eval[string](t, ctx, `Array.from(document.querySelectorAll("*")).flatMap(e => Array.from(e.attributes)).map(a => a.name).filter(n => n.startsWith("on")).join(" ")`); got != "" {
			t.Errorf("input made event handler attributes: %s", got)
		}
		text := eval[string](t, ctx, `document.body.innerText`)
		for _, s := range []string{
			`<script>window.pwned=1</script>`, `</textarea>`, `"><img src=x onerror="window.pwned=2">`,
			`' onmouseover='window.pwned=3' x='`, `\x1b[31m`, `\u202e`, hostileName,
		} {
			if !strings.Contains(text, s) {
				t.Errorf("the page does not show %q as text", s)
			}
		}
		if got := eval[string](t, ctx, `document.title`); !strings.Contains(got, hostileName) {
			t.Errorf("title %q does not show the name %q", got, hostileName)
		}
		// Keys still work on the hostile page.
		press(t, ctx, "j")
		if got := eval[string](t, ctx, `document.activeElement.id`); got != navTargets(c, diff.SeverityMinor)[0] {
			t.Errorf("j on the hostile page focuses %q", got)
		}
	})
}

// hostileName is a file name with quotes and markup in it.
const hostileName = `a"b'<i>c</i>.txt`

// hostileComparison compares texts that try to run script, close
// elements or break out of attributes in an HTML report.
func hostileComparison() *diff.Comparison {
	a := "The talks began. They met at noon. Plain sentence. The end."
	b := "The talks <script>window.pwned=1</script> began. They met </textarea> at noon. " +
		`Plain "><img src=x onerror="window.pwned=2"> sentence. ` +
		"The ' onmouseover='window.pwned=3' x=' \x1b[31mend\u202e."
	return diff.Compare(diff.Document{Name: hostileName, Text: a}, diff.Document{Name: "b&amp;.txt", Text: b}, diff.Options{})
}
