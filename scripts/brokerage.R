#!/usr/bin/env Rscript
# Gould-Fernandez brokerage with R's sna::brokerage, for scripts/reference_bridging.py.
# Usage: brokerage.R EDGES.csv GROUPS.csv OUT.csv
#   EDGES.csv: columns a,b (1-based node numbers, one row per undirected edge)
#   GROUPS.csv: column group (one row per node, in node order)
# Writes per node (and a last row "network") the raw counts, expectations and
# sds of sna's w_I, w_O, b_IO, b_OI, b_O, t, for a symmetric digraph.
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
edges <- read.csv(args[1])
groups <- read.csv(args[2], colClasses = "character")$group
n <- length(groups)
arcs <- rbind(cbind(edges$a, edges$b, 1), cbind(edges$b, edges$a, 1))
attr(arcs, "n") <- n
attr(arcs, "vnames") <- seq_len(n)
b <- brokerage(arcs, groups)
out <- rbind(cbind(b$raw.nli, b$exp.nli, b$sd.nli),
             c(b$raw.gli, b$exp.gli, b$sd.gli))
colnames(out) <- c(paste0("raw_", colnames(b$raw.nli)), paste0("exp_", colnames(b$raw.nli)),
                   paste0("sd_", colnames(b$raw.nli)))
write.csv(out, args[3], row.names = FALSE)
