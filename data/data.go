// Package data holds the content that ships inside the starprep binary: the
// question bank, the preparation checklist, the scoring rubric and an example
// company. It only embeds files; parsing lives in questions/ and star/.
package data

import _ "embed"

// Questions is the embedded question bank (questions.yaml).
//
//go:embed questions.yaml
var Questions []byte

// Checklist is the six-step preparation checklist (checklist.yaml).
//
//go:embed checklist.yaml
var Checklist []byte

// Rubric is the default scoring rubric (rubric.yaml).
//
//go:embed rubric.yaml
var Rubric []byte

// Tagger is the STAR tagger's weights (tagger.yaml), trained on the
// project's labelled corpus by `go test ./star -run TestTrainTagger -update`.
//
//go:embed tagger.yaml
var Tagger []byte

// ExampleCompany is a fictional company's notes to copy (companies/northwind.yaml).
//
//go:embed companies/northwind.yaml
var ExampleCompany []byte

// Paths name the embedded files in messages ("embedded:questions.yaml:12").
const (
	QuestionsPath      = "embedded:questions.yaml"
	ChecklistPath      = "embedded:checklist.yaml"
	RubricPath         = "embedded:rubric.yaml"
	TaggerPath         = "embedded:tagger.yaml"
	ExampleCompanyPath = "embedded:companies/northwind.yaml"
)
