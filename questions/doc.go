// Package questions holds starprep's preparation content: the bank of CSR
// interview questions, company research notes, the candidate's stories and
// the six-step preparation checklist with its evidence rules. It defines their types, loads them strictly from YAML (every
// problem is reported as path:line), merges extra banks over the embedded
// one, filters, and picks balanced, seeded question sets.
//
// The common case:
//
//	bank, err := questions.ParseBank(data, "questions.yaml")
//	picked := bank.Select(questions.Filter{Categories: []string{"behavioral"}}, 5, rand.New(rand.NewPCG(seed, 0)))
//
// Loaders return a *yamlfile.Error listing every problem when a file is
// invalid; it has a Location method that names the first file and line.
//
// The package reads nothing by itself: callers pass bytes and a path used in
// messages.
package questions
