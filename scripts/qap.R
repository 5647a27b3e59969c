#!/usr/bin/env Rscript
# QAP correlation of two weighted networks over their common nodes with R's
# sna (gcor and qaptest, mode "graph"), for scripts/reference_compare_stats.py.
# Usage: qap.R A.csv B.csv A-NODES.csv B-NODES.csv REPS SEED OUT.json
#   A.csv, B.csv: columns source,target,weight (node ids; one row per tie)
#   A-NODES.csv, B-NODES.csv: column id, every node of the period (isolates too)
suppressMessages({library(sna); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
a <- read.csv(args[1], colClasses = c("character", "character", "numeric"), na.strings = character(0))
b <- read.csv(args[2], colClasses = c("character", "character", "numeric"), na.strings = character(0))
nodes_a <- read.csv(args[3], colClasses = "character", na.strings = character(0))$id
nodes_b <- read.csv(args[4], colClasses = "character", na.strings = character(0))$id
common <- sort(intersect(nodes_a, nodes_b), method = "radix")
matrix_of <- function(e) {
  m <- matrix(0, length(common), length(common), dimnames = list(common, common))
  keep <- e$source %in% common & e$target %in% common
  m[cbind(e$source[keep], e$target[keep])] <- e$weight[keep]
  m[cbind(e$target[keep], e$source[keep])] <- e$weight[keep]
  m
}
g <- array(0, c(2, length(common), length(common)))
g[1, , ] <- matrix_of(a)
g[2, , ] <- matrix_of(b)
set.seed(as.integer(args[6]))
q <- qaptest(g, gcor, g1 = 1, g2 = 2, mode = "graph", reps = as.integer(args[5]))
out <- list(nodes = length(common), correlation = gcor(g, g1 = 1, g2 = 2, mode = "graph"),
            reps = as.integer(args[5]), pgreq = q$pgreq, pleeq = q$pleeq,
            dist_mean = mean(q$dist), dist_sd = sd(q$dist))
write(toJSON(out, digits = NA, auto_unbox = TRUE), args[7])
