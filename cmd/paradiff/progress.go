package main

import (
	"fmt"
	"io"
	"time"
)

// progressBar draws how far a comparison has got on one line of standard
// error. In auto mode it stays silent for the first second, so that
// quick comparisons print nothing, and cmd turns it on only when standard
// error is a terminal.
type progressBar struct {
	w       io.Writer
	start   time.Time
	delay   time.Duration
	now     func() time.Time
	drawn   bool
	lastOut time.Time
}

func newProgressBar(w io.Writer, delay time.Duration, now func() time.Time) *progressBar {
	return &progressBar{w: w, start: now(), delay: delay, now: now}
}

// update is diff.Options.Progress.
func (p *progressBar) update(stage string, done, total int) {
	t := p.now()
	if t.Sub(p.start) < p.delay || p.drawn && t.Sub(p.lastOut) < 100*time.Millisecond && done != total {
		return
	}
	p.drawn, p.lastOut = true, t
	line := "paradiff: " + stage
	if total > 0 {
		const width = 30
		filled := width * done / total
		line += fmt.Sprintf(" [%s%s] %d/%d", repeat('#', filled), repeat('.', width-filled), done, total)
	} else {
		line += " ..."
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s", line)
}

// finish clears the line, if anything was drawn.
func (p *progressBar) finish() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

func repeat(c byte, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = c
	}
	return string(b)
}
