#!/usr/bin/env Rscript
# R sna's Gould-Fernandez brokerage (the reference of regnet's brokerage,
# docs/bridging.md) as a whole process for bench/bridging.py: reads an edge list
# (first line: node count; then "u<TAB>v<TAB>weight", 0-based node indices) and a
# group label per node (one a line, in node order), computes sna::brokerage on the
# symmetric digraph as scripts/brokerage.R does, and prints the seconds of the
# library load, of reading and of brokerage() (CPU time, user + system, inside the process).
# Usage: sna_brokerage.R EDGES.tsv GROUPS.txt
cpu <- function() { p <- proc.time(); p[["user.self"]] + p[["sys.self"]] }
t0 <- cpu()
suppressMessages(library(sna))
t1 <- cpu()
args <- commandArgs(trailingOnly = TRUE)
n <- as.integer(readLines(args[1], n = 1))
edges <- read.delim(args[1], skip = 1, header = FALSE, col.names = c("a", "b", "w"))
groups <- readLines(args[2])
stopifnot(length(groups) == n)
arcs <- rbind(cbind(edges$a + 1, edges$b + 1, 1), cbind(edges$b + 1, edges$a + 1, 1))
attr(arcs, "n") <- n
attr(arcs, "vnames") <- seq_len(n)
t2 <- cpu()
b <- brokerage(arcs, groups)
t3 <- cpu()
cat(sprintf('{"measure": "sna-brokerage", "import": %.4f, "read": %.4f, "compute": %.4f, "total_brokerage": %.1f}\n',
            t1 - t0, t2 - t1, t3 - t2, b$raw.gli[["t"]]))
