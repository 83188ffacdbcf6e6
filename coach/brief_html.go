package coach

import (
	"bytes"
	"html/template"
	"io"
	"strings"

	"github.com/starprep/starprep/internal/termtext"
)

// The HTML brief is one self-contained page (no scripts, fonts, images or
// links to fetch), sized to print on one sheet. html/template escapes every
// piece of text that comes from the user's files. The markup is also
// well-formed XML, which the tests rely on to check it.
var briefTemplate = template.Must(template.New("brief").Funcs(template.FuncMap{
	"plain": plain,
	"join":  func(list []string) string { return plain(strings.Join(list, ", ")) },
	"inc":   func(i int) int { return i + 1 },
	"stories": func(n int) string {
		return quantity(n, "story", "stories")
	},
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>Interview brief: {{plain .CompanyName}}</title>
<style>
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d232a; max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .2rem; }
h2 { font-size: 1.05rem; margin: 1.3rem 0 .4rem; border-bottom: 1px solid #d5dbe1; padding-bottom: .15rem; }
.sub { color: #56616c; margin: 0; }
.example { background: #fff4d6; border-left: 4px solid #e0a800; padding: .4rem .7rem; }
dl.facts { display: grid; grid-template-columns: 8.5rem 1fr; gap: .2rem .8rem; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.missing { color: #8a6d00; font-style: italic; }
ol, ul { margin: .2rem 0; padding-left: 1.4rem; }
li { margin: .25rem 0; }
.score { color: #56616c; font-size: .9em; }
.result { color: #39434d; }
ul.day { list-style: none; padding-left: .2rem; }
ul.day li::before { content: "\2610\00a0"; }
ul.day li.done::before { content: "\2611\00a0"; }
footer { margin-top: 1.3rem; color: #56616c; font-size: .9em; }
code { font-size: .92em; }
@media print { body { margin: 0; font-size: 12.5px; } h2 { margin-top: .9rem; } }
</style>
</head>
<body>
<header>
<h1>Interview brief: {{plain .CompanyName}}</h1>
<p class="sub">{{if .Industry}}{{plain .Industry}} · {{end}}Prepared {{.Date}}</p>
{{- if .Example}}
<p class="example">These are the example notes that ship with starprep, not your own research.</p>
{{- end}}
</header>
<section>
<h2>The company in five lines</h2>
<dl class="facts">
{{- range .Facts}}
<dt>{{.Label}}</dt><dd{{if .Missing}} class="missing"{{end}}>{{plain .Text}}</dd>
{{- end}}
</dl>
</section>
<section>
<h2>Your strongest stories</h2>
{{- if .Strengths}}
<p>Strengths to show: {{range $i, $s := .Strengths}}{{if $i}}, {{end}}{{plain $s.Name}} ({{stories $s.Stories}}){{end}}.</p>
{{- end}}
{{- if .Stories}}
<ol>
{{- range .Stories}}
<li><strong>{{plain .Title}}</strong> <span class="score">{{.Score}}, {{.Band}}</span><br/>proves {{join .Competencies}}{{if .Result}}<br/><span class="result">Result: {{plain .Result}}</span>{{end}}</li>
{{- end}}
</ol>
{{- else}}
<p>No stories yet: add some with <code>starprep stories add</code>.</p>
{{- end}}
</section>
<section>
<h2>Questions to ask</h2>
{{- if not .Chosen}}
<p class="missing">Suggestions; choose your own with <code>starprep checklist --company {{.Slug}}</code>.</p>
{{- end}}
<ol>
{{- range .Asks}}
<li>{{plain .Text}}</li>
{{- end}}
</ol>
</section>
{{- if .DayOf}}
<section>
<h2>On the day</h2>
<ul class="day">
{{- range .DayOf}}
<li{{if .Done}} class="done"{{end}}>{{plain .Text}}</li>
{{- end}}
</ul>
</section>
{{- end}}
<footer>Checklist: {{.Done}} of {{.Total}} done.{{if .Next}} Next: {{plain .Next.Text}} (<code>{{.Next.Command}}</code>).{{end}}</footer>
</body>
</html>
`))

// WriteHTML writes the brief as one self-contained HTML page.
func (b *Brief) WriteHTML(w io.Writer) error {
	var buf bytes.Buffer
	if err := briefTemplate.Execute(&buf, b); err != nil {
		return err
	}
	_, err := w.Write(termtext.HTML(buf.Bytes()))
	return err
}
