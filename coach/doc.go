// Package coach holds the flows a person walks through in starprep: the mock
// interview, its saved sessions and the progress history drawn from them.
//
// Flows are written against the small [Prompter] interface and an io.Writer
// for what they show, so they run the same in a terminal (cmd/ supplies a
// survey/v2 prompter) and in tests (a scripted prompter). They never touch
// os.Stdout, never exit the process, and read and write user data only under
// the directory they are given.
package coach
