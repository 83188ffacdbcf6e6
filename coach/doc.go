// Package coach holds the flows a person walks through in starprep: the mock
// interview, its saved sessions and the progress history drawn from them.
//
// Flows are written against the small [Prompter] interface and an io.Writer
// for what they show, so they run the same in a terminal (cmd/ supplies a
// survey/v2 prompter) and in tests (a scripted prompter). They never touch
// os.Stdout, never exit the process, and read and write user data only under
// the directory they are given.
//
// # Preparation
//
// Besides the interview, coach keeps the user's preparation: company notes
// ([Companies]), the story bank ([Stories], [BuildCoverage]) and checklist
// progress ([ChecklistProgress]), each a YAML file under the home written
// atomically and privately. [LoadEvidence] gathers what the checklist's
// evidence rules read, [BuildChecklistStatus] works out every item,
// [ChecklistWalk] is the interactive checklist, [CompanyForm] and [StoryForm]
// are the forms, [EditLoop] edits a file in the person's editor without
// saving a broken one, and [BuildBrief] makes the one-page brief.
package coach
