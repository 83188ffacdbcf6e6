// Package review scores many saved answers at once, as `starprep review`
// does, and writes the results as they come.
//
// [Run] is a pipeline: one goroutine reads the files and cuts them into
// chunks ([star.Splitter]), a pool of workers decodes, scores and encodes
// each chunk, and the calling goroutine writes the encoded results in input
// order and keeps the [star.Tally] for the summary. Queues between the
// stages are bounded, so memory stays flat however many answers come in,
// and only reading and writing are serial.
//
// An [Output] says how results look: [NewJSONLines], [NewJSON], [NewCSV],
// [NewTSV], [NewMarkdown] and [NewHTML] are here; cmd/ adds the terminal
// table.
package review
