// Package star reads and scores answers to interview questions: the answer
// model and its file formats, and the scorer that finds an answer's
// Situation, Task, Action and Result and judges it.
//
// The common case is [Score]: a compiled [Rubric] (from [ParseRubric], the
// built-in one in data/rubric.yaml or a coach's own), what is known of the
// question ([QuestionInfo], nil when unknown) and an [Answer] give a
// [Result], whose JSON is the contract of DESIGN.md. Answer files are read
// by [ParseAnswers], [ReadAnswers] or, streaming, a [Splitter].
//
// # How an answer is scored
//
// The scorer is a few stages, a file each:
//
//   - text.go cuts free text into sentences (abbreviations, decimals, lists,
//     line breaks, the labels people write), and clause.go cuts sentences
//     into clauses where a sentence may carry two parts ("The printer had
//     jammed, so I wrote the labels by hand");
//   - tokens.go and lexicon.go read the words; facts.go reads each clause
//     for who does what and when (subject, tense, kind of verb, what one
//     would or usually does); cues.go finds the rubric's cue phrases;
//   - features.go turns a clause's facts, place and cues into named
//     features, and tagger.go weighs them with weights learned from the
//     project's labelled corpus (data/tagger.yaml) and picks the likeliest
//     sequence of parts;
//   - judge.go and score.go choose the feedback card by the question's kind
//     (a STAR story, a situational plan, motivation, strengths, a direct or a
//     follow-up answer), parts.go scores each part, checks*.go judge the
//     answer (one type per check kind of the rubric, as Vale does rules),
//     and the band rule caps the score.
//
// To add a cue, add a phrase to a group in data/rubric.yaml. To add a
// feature, add it to features.go and retrain the tagger with
//
//	go test ./star -run TestTrainTagger -update
//
// To add a check kind, add a type to checks*.go and a case to compileCheck.
//
// Score is pure and deterministic, safe for concurrent use, and never
// fails: every problem of a rubric is found when it is compiled.
package star
